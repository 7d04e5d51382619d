import type {
  AnalysisIR,
  AnalysisRole,
  DeploymentIR,
  KServeServingIR,
  ModelVersionIR,
  RecorderIR,
} from '../../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../../dsl/ir/defaults.ts';
import type { KubeContainer } from '../../../dsl/ir/index.ts';
import { plainEnv, resourcesOf } from '../../k8s/container.ts';
import { containerSecurity } from '../../k8s/pod.ts';
import { candidateId, VERDICT_POINTER } from '../verdict.ts';
import { inferenceServiceRef, type PatchOp, type WfStep, type WorkflowBuilder } from '../workflow-steps.ts';

/** The resource name `kubectl patch` takes for a VirtualService. */
export const VS_RESOURCE = 'virtualservice.networking.istio.io';

/** The Knative revision under test, read once at the start of the run. */
export const REVISION = { input: 'revision', value: '{{steps.revision.outputs.parameters.revision}}' };

/**
 * One AnalysisRun per arm. Step names are unique per workflow (`stepSuffix`); the template is
 * shared unless the analysis differs per call (`templateSuffix`, e.g. per-step windows).
 */
export function analyses(
  b: WorkflowBuilder,
  d: DeploymentIR,
  role: AnalysisRole,
  a: AnalysisIR,
  stepSuffix = '',
  templateSuffix = '',
): WfStep[] {
  const knative = d.serving.kind === 'kserve' && d.serving.deploymentMode === 'Knative';
  return (d.names.analysisArgs[role] ?? []).map((arm) =>
    b.analyze(
      `${role}-${arm.arm}${stepSuffix}`,
      `analyze-${role}-${arm.arm}${templateSuffix}`,
      role,
      a,
      arm,
      knative ? REVISION : undefined,
    ),
  );
}

/** The champion/challenger offline-gate check, before any traffic reaches a candidate. */
export function offlineGate(b: WorkflowBuilder, d: DeploymentIR): void {
  if (d.strategy.kind === 'championChallenger' && d.strategy.offlineGate.verify)
    b.then(...analyses(b, d, 'offline-gate', d.strategy.offlineGate.verify));
}

/** The guard of an in-place patch: the InferenceService still runs the candidate it was written for. */
export const guardOf = (s: KServeServingIR, candidate: string | undefined): PatchOp =>
  s.deploymentMode === 'Knative'
    ? { op: 'test', path: '/spec/predictor/model/storageUri', value: candidate }
    : { op: 'test', path: '/spec/canary/0/predictor/name', value: candidate };

/** The traffic field an in-place promotion owns. */
export const trafficPath = (s: KServeServingIR): string =>
  s.deploymentMode === 'Knative' ? '/spec/predictor/canaryTrafficPercent' : '/spec/canary/0/trafficPercent';

export const percent = (p: number) => ({ parameters: [{ name: 'percent', value: String(p) }] });

/** Waits until the candidate's pods serve: Standard reads the canary status, Knative the revision. */
export function ready(
  b: WorkflowBuilder,
  d: DeploymentIR,
  s: KServeServingIR,
  version: string | undefined,
  stepName: string,
): WfStep {
  const isvc = inferenceServiceRef(d.names.workload);
  if (s.deploymentMode === 'Knative') {
    const t = b.get('wait-revision-ready', isvc, {
      inputs: ['revision'],
      condition: 'status.components.predictor.latestReadyRevision == {{inputs.parameters.revision}}',
    });
    return b.waitStep({
      name: stepName,
      template: t,
      arguments: { parameters: [{ name: 'revision', value: REVISION.value }] },
    });
  }
  const t = b.get('wait-canary-ready', isvc, {
    condition: `status.canaryStatuses.0.name == ${version}, status.canaryStatuses.0.ready == true`,
  });
  return b.waitStep({ name: stepName, template: t });
}

/**
 * The user's recorder of a promotion in git, after the switch. Its failure is shown on the node
 * but does not fail the run: the model passed its gates, only the fold must then be done by hand.
 */
export function recordPromotion(
  b: WorkflowBuilder,
  d: DeploymentIR,
  s: KServeServingIR,
  candidate: ModelVersionIR | undefined,
  r: RecorderIR | undefined,
): void {
  if (!r) return;
  const facts = [
    { name: 'ARGOSY_DEPLOYMENT', value: d.name },
    { name: 'ARGOSY_CANDIDATE_VERSION', value: candidate?.version ?? '' },
    { name: 'ARGOSY_CANDIDATE_STORAGE_URI', value: candidate?.storageUri ?? s.storageUri },
    { name: 'ARGOSY_NAMESPACE', value: '{{workflow.namespace}}' },
  ];
  b.define('record-promotion', {
    container: {
      image: r.image,
      command: r.command,
      ...(r.args.length ? { args: r.args } : {}),
      env: [...facts, ...plainEnv(r.env)],
      ...resourcesOf(r.resources),
      // The pod helpers of charts/argo-workflows/pod.ts render untyped objects.
      securityContext: containerSecurity(RESTRICTED_SECURITY) as KubeContainer['securityContext'],
    },
  });
  b.then({ name: 'record-promotion', template: 'record-promotion', continueOn: { failed: true } });
}

/** Shadow challengers and A/B arms are InferenceServices of their own: measure them once they serve. */
export function armsReady(b: WorkflowBuilder, d: DeploymentIR): void {
  const steps = Object.entries(d.names.inferenceServices).map(([arm, isvc]) =>
    b.waitStep({
      name: `ready-${arm}`,
      template: b.get(`wait-${arm}-ready`, inferenceServiceRef(isvc), {
        condition: 'status.modelStatus.transitionStatus == UpToDate',
      }),
    }),
  );
  b.then(...steps);
}

/** Records on the owned object which candidate this run decided on. */
export const verdictOp = (d: DeploymentIR): PatchOp => ({ op: 'add', path: VERDICT_POINTER, value: candidateId(d) });

export function recordVerdict(
  b: WorkflowBuilder,
  t: { readonly resource: string; readonly name: string },
  d: DeploymentIR,
): WfStep {
  return { name: 'record-verdict', template: b.patch('record-verdict', t.resource, t.name, [verdictOp(d)], false) };
}
