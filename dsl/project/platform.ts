import { DslError } from '../errors.ts';
import { report } from '../common/collect.ts';
import {
  ARGO_ROLLOUTS_VERSIONS,
  ARGO_WORKFLOWS_VERSIONS,
  ISTIO_VERSIONS,
  KSERVE_VERSIONS,
  NEWEST_PLATFORM,
  type ArgoRolloutsVersionIR,
  type ArgoWorkflowsVersionIR,
  type IstioVersionIR,
  type KServeVersionIR,
  type PlatformIR,
} from '../ir/platform.ts';

/** Argo Workflows minor releases Argosy can target. */
export type ArgoWorkflowsVersion = ArgoWorkflowsVersionIR;
/** Argo Rollouts minor releases Argosy can target. */
export type ArgoRolloutsVersion = ArgoRolloutsVersionIR;
/** KServe releases Argosy can target. */
export type KServeVersion = KServeVersionIR;
/** Istio releases Argosy can target (`1.22+`: 1.22 and every later release). */
export type IstioVersion = IstioVersionIR;

/**
 * The platform versions a project's clusters run. Each field left out means the newest release,
 * which is what Argosy emits by default; an older one changes the output to forms that release
 * understands, and a feature it cannot express is an error naming the minimum version.
 *
 * @example
 * ```ts
 * project('dsrpmart', {
 *   apps: [recommendedCategories],
 *   platform: { argoWorkflows: '3.5', argoRollouts: '1.6', kserve: '0.15', istio: '1.21' },
 * });
 * ```
 */
export interface Platform {
  /**
   * Argo Workflows (`'3.5' | '3.6' | '3.7' | '4.1'`, default `'4.1'`). Before 3.6 a CronWorkflow
   * has one `schedule` and a workflow one `mutex`/`semaphore`.
   *
   * @example
   * ```ts
   * project('demo', { apps, platform: { argoWorkflows: '3.6' } });
   * ```
   */
  readonly argoWorkflows?: ArgoWorkflowsVersion;
  /**
   * Argo Rollouts (`'1.6' | '1.7' | '1.8'`, default `'1.8'`). What Argosy emits for plain-server
   * deployments (Rollouts, AnalysisTemplates, the AnalysisRuns a KServe promotion creates) is
   * valid on every one of them; a Rollouts field a release lacks is an error naming the minimum.
   *
   * @example
   * ```ts
   * project('demo', { apps, platform: { argoRollouts: '1.6' } });
   * ```
   */
  readonly argoRollouts?: ArgoRolloutsVersion;
  /**
   * KServe (`'0.13' | '0.15' | '0.20'`, default `'0.20'`). Before 0.16 the
   * `serving.kserve.io/deploymentMode` annotation says `Serverless`/`RawDeployment` (Argosy still
   * takes `deploymentMode: 'Knative' | 'Standard'`); before 0.20 there is no Standard-mode
   * `spec.canary[]`, so an in-place canary or blue/green needs `deploymentMode: 'Knative'`
   * (canary only, via `canaryTrafficPercent`) or the plain-server (Argo Rollouts) serving kind.
   *
   * @example
   * ```ts
   * project('demo', { apps, platform: { kserve: '0.15' } });
   * ```
   */
  readonly kserve?: KServeVersion;
  /**
   * Istio (`'1.21' | '1.22+'`, default `'1.22+'`). Before 1.22 networking kinds are written as
   * `networking.istio.io/v1beta1`.
   *
   * @example
   * ```ts
   * project('demo', { apps, platform: { istio: '1.21' } });
   * ```
   */
  readonly istio?: IstioVersion;
}

/**
 * The platform with defaults filled in; an unknown version (from JavaScript or a cast) is reported
 * and replaced by the newest, so the rest of the project still builds.
 *
 * @example
 * ```ts
 * resolvePlatform({ istio: '1.21' }, ['project "demo"', 'platform']);
 * // { argoWorkflows: '4.1', argoRollouts: '1.8', kserve: '0.20', istio: '1.21' }
 * ```
 */
export function resolvePlatform(p: Platform | undefined, path: readonly string[]): PlatformIR {
  const pick = <T extends string>(field: keyof Platform, known: readonly T[], fallback: T): T => {
    const value = p?.[field] as unknown;
    if (value === undefined) return fallback;
    if (known.includes(value as T)) return value as T;
    report(
      new DslError({
        path: [...path, field],
        problem: 'unknown version',
        got: value,
        fix: `Use one of ${known.map((v) => `"${v}"`).join(', ')}`,
      }),
    );
    return fallback;
  };
  const known: readonly string[] = ['argoWorkflows', 'argoRollouts', 'kserve', 'istio'];
  for (const field of Object.keys(p ?? {}))
    if (!known.includes(field))
      report(
        new DslError({
          path: [...path, field],
          problem: 'unknown platform',
          got: field,
          fix: `Use one of ${known.map((v) => `"${v}"`).join(', ')}`,
        }),
      );
  return {
    argoWorkflows: pick('argoWorkflows', ARGO_WORKFLOWS_VERSIONS, NEWEST_PLATFORM.argoWorkflows),
    argoRollouts: pick('argoRollouts', ARGO_ROLLOUTS_VERSIONS, NEWEST_PLATFORM.argoRollouts),
    kserve: pick('kserve', KSERVE_VERSIONS, NEWEST_PLATFORM.kserve),
    istio: pick('istio', ISTIO_VERSIONS, NEWEST_PLATFORM.istio),
  };
}
