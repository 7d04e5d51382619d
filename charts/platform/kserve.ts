import { DslError, seg } from '../../dsl/errors.ts';
import type { DeploymentIR } from '../../dsl/ir/index.ts';
import { kserveBefore, type KServeVersionIR, type PlatformIR } from '../../dsl/ir/platform.ts';
import { candidatesOf, onlineStrategy, strategyModel, strategyTitle } from '../../dsl/ir/strategy.ts';
import type { RenderedObject } from '../target.ts';

const MODE_ANNOTATION = 'serving.kserve.io/deploymentMode';
/**
 * KServe 0.16 renamed the deployment modes (kserve/kserve#4608): before it the controller reads
 * `Serverless` and `RawDeployment`, and an unknown value falls back to the cluster default.
 */
const LEGACY_MODES: Readonly<Record<string, string>> = { Knative: 'Serverless', Standard: 'RawDeployment' };

/**
 * Refuses a KServe deployment the targeted release cannot run. Standard-mode in-place
 * strategies (canary, blue/green) put the candidate in `spec.canary[]`, which arrived in KServe
 * 0.20; older releases canary only in Knative (serverless) mode, via `canaryTrafficPercent`. A
 * Standard-mode canary with no candidate (the InferenceService serving alone) runs anywhere.
 *
 * @example
 * ```ts
 * checkKServeDeployment(d, { ...NEWEST_PLATFORM, kserve: '0.15' }, ['environment "prod"', 'app "search"']);
 * // throws: ... canary on KServe Standard mode needs KServe 0.20 or later ...
 * ```
 */
export function checkKServeDeployment(d: DeploymentIR, platform: PlatformIR, path: readonly string[]): void {
  if (d.serving.kind !== 'kserve' || !kserveBefore(platform.kserve, '0.20')) return;
  if (d.serving.deploymentMode !== 'Standard' || strategyModel(d.strategy).kserve.promotion !== 'in-place') return;
  // Without a candidate, promotion workflow or hand-over hook the InferenceService serves alone.
  const usesCanaries =
    candidatesOf(d.strategy).some((c) => c.model !== undefined) ||
    d.names.workflow !== undefined ||
    d.names.handover !== undefined;
  if (!usesCanaries) return;
  const title = strategyTitle(d.strategy);
  // Knative mode canaries only (a blue/green needs two revisions served side by side by name).
  const knative =
    onlineStrategy(d.strategy).kind === 'canary' ? 'use deploymentMode: "Knative" (canaryTrafficPercent), or ' : '';
  throw new DslError({
    path: [...path, seg('deployment', d.name), 'strategy'],
    problem: `a ${title} on KServe Standard (RawDeployment) mode runs the candidate in spec.canary[], which needs KServe 0.20 or later`,
    got: `kserve ${platform.kserve}`,
    fix: `Target kserve 0.20 or later in project(..., { platform }), or ${knative}serve it with server() (Argo Rollouts)`,
  });
}

/**
 * An InferenceService in the form the targeted KServe release reads: before 0.16 the
 * deployment-mode annotation takes the names from before the rename. A `spec.canary[]` left
 * (which checkKServeDeployment refuses earlier) is an error, never silently dropped.
 *
 * @example
 * ```ts
 * adaptKServe(isvc, '0.15', ['environment "prod"', 'app "a"', 'InferenceService "m"']);
 * // metadata.annotations['serving.kserve.io/deploymentMode']: 'Standard' becomes 'RawDeployment'
 * ```
 */
export function adaptKServe(obj: RenderedObject, version: KServeVersionIR, where: readonly string[]): RenderedObject {
  if (obj.kind !== 'InferenceService' || !obj.apiVersion.startsWith('serving.kserve.io/')) return obj;
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (kserveBefore(version, '0.20') && spec?.canary !== undefined)
    throw new DslError({
      path: [...where, 'spec.canary'],
      problem: 'spec.canary[] (a Standard-mode canary) needs KServe 0.20 or later',
      got: `kserve ${version}`,
      fix: 'Target kserve 0.20 or later, use deploymentMode: "Knative" (canaryTrafficPercent), or serve it with server() (Argo Rollouts)',
    });
  const annotations = obj.metadata.annotations;
  const mode = annotations?.[MODE_ANNOTATION];
  // Of the releases Argosy targets, 0.20 is the first after the 0.16 rename.
  if (!kserveBefore(version, '0.20') || mode === undefined || LEGACY_MODES[mode] === undefined) return obj;
  return {
    ...obj,
    metadata: { ...obj.metadata, annotations: { ...annotations, [MODE_ANNOTATION]: LEGACY_MODES[mode] } },
  };
}
