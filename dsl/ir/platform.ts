/** Argo Workflows minor releases Argosy can target; `4.1` (the newest) is the default. */
export type ArgoWorkflowsVersionIR = '3.5' | '3.6' | '3.7' | '4.1';

/** Argo Rollouts minor releases Argosy can target; `1.8` (the newest) is the default. */
export type ArgoRolloutsVersionIR = '1.6' | '1.7' | '1.8';

/**
 * KServe releases Argosy can target; `0.20` (the newest) is the default. 0.13 and 0.15 name the
 * deployment modes `Serverless`/`RawDeployment` (renamed `Knative`/`Standard` in 0.16) and have
 * no Standard-mode `spec.canary[]` (added in 0.20).
 */
export type KServeVersionIR = '0.13' | '0.15' | '0.20';

/** Istio releases Argosy can target: before 1.22 `networking.istio.io/v1` is not served. */
export type IstioVersionIR = '1.21' | '1.22+';

/** The platform versions a project's output must run on, every field resolved (defaults filled in). */
export interface PlatformIR {
  readonly argoWorkflows: ArgoWorkflowsVersionIR;
  readonly argoRollouts: ArgoRolloutsVersionIR;
  readonly kserve: KServeVersionIR;
  readonly istio: IstioVersionIR;
}

/** The newest versions: what Argosy emits when a project does not say. */
export const NEWEST_PLATFORM: PlatformIR = {
  argoWorkflows: '4.1',
  argoRollouts: '1.8',
  kserve: '0.20',
  istio: '1.22+',
};

/** Argo Workflows releases, oldest first. */
export const ARGO_WORKFLOWS_VERSIONS: readonly ArgoWorkflowsVersionIR[] = ['3.5', '3.6', '3.7', '4.1'];
/** Argo Rollouts releases, oldest first. */
export const ARGO_ROLLOUTS_VERSIONS: readonly ArgoRolloutsVersionIR[] = ['1.6', '1.7', '1.8'];
/** KServe releases, oldest first. */
export const KSERVE_VERSIONS: readonly KServeVersionIR[] = ['0.13', '0.15', '0.20'];
/** Istio releases, oldest first. */
export const ISTIO_VERSIONS: readonly IstioVersionIR[] = ['1.21', '1.22+'];

/**
 * Whether `version` is older than `minimum` (both Argo Workflows minor releases).
 *
 * @example
 * ```ts
 * argoBefore('3.5', '3.6'); // true
 * ```
 */
export function argoBefore(version: ArgoWorkflowsVersionIR, minimum: ArgoWorkflowsVersionIR): boolean {
  return ARGO_WORKFLOWS_VERSIONS.indexOf(version) < ARGO_WORKFLOWS_VERSIONS.indexOf(minimum);
}

/**
 * Whether `version` is older than `minimum` (both Argo Rollouts minor releases).
 *
 * @example
 * ```ts
 * rolloutsBefore('1.6', '1.7'); // true
 * ```
 */
export function rolloutsBefore(version: ArgoRolloutsVersionIR, minimum: ArgoRolloutsVersionIR): boolean {
  return ARGO_ROLLOUTS_VERSIONS.indexOf(version) < ARGO_ROLLOUTS_VERSIONS.indexOf(minimum);
}

/**
 * Whether `version` is older than `minimum` (both KServe releases).
 *
 * @example
 * ```ts
 * kserveBefore('0.15', '0.20'); // true
 * ```
 */
export function kserveBefore(version: KServeVersionIR, minimum: KServeVersionIR): boolean {
  return KSERVE_VERSIONS.indexOf(version) < KSERVE_VERSIONS.indexOf(minimum);
}
