/** Argo Workflows minor releases Argosy can target; `4.1` (the newest) is the default. */
export type ArgoWorkflowsVersionIR = '3.5' | '3.6' | '3.7' | '4.1';

/** Istio releases Argosy can target: before 1.22 `networking.istio.io/v1` is not served. */
export type IstioVersionIR = '1.21' | '1.22+';

/** The platform versions a project's output must run on, every field resolved (defaults filled in). */
export interface PlatformIR {
  readonly argoWorkflows: ArgoWorkflowsVersionIR;
  readonly istio: IstioVersionIR;
}

/** The newest versions: what Argosy emits when a project does not say. */
export const NEWEST_PLATFORM: PlatformIR = { argoWorkflows: '4.1', istio: '1.22+' };

/** Argo Workflows releases, oldest first. */
export const ARGO_WORKFLOWS_VERSIONS: readonly ArgoWorkflowsVersionIR[] = ['3.5', '3.6', '3.7', '4.1'];

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
