import type { ArgoObjectIR } from './argo-workflow.ts';

/** The API version of every Argo Workflows kind. */
export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

/** An Argo object as Argo reads it: the IR plus `apiVersion` (and the namespace it lives in). */
export type RenderedArgoObjectIR = ArgoObjectIR & { readonly apiVersion: typeof ARGO_API_VERSION };

const CLUSTER_SCOPED = new Set<ArgoObjectIR['kind']>(['ClusterWorkflowTemplate']);

/**
 * The one renderer of Argo objects, whoever built them (the Argo-native DSL, the pipeline
 * lowering, schedules, submit steps): the IR already has Argo's shape, so this adds apiVersion and
 * the environment's namespace (never on cluster-scoped kinds, never over the object's own).
 *
 * @example
 * ```ts
 * renderArgoObject(app.workflows[0], 'ml-staging');
 * ```
 */
export function renderArgoObject(o: ArgoObjectIR, namespace: string | undefined): RenderedArgoObjectIR {
  const ns = CLUSTER_SCOPED.has(o.kind) ? undefined : (o.metadata.namespace ?? namespace);
  const metadata = { ...o.metadata, ...(ns ? { namespace: ns } : {}) };
  // Spelled out rather than spread, so nothing but the object's fields reaches the output.
  return { apiVersion: ARGO_API_VERSION, kind: o.kind, metadata, spec: o.spec } as RenderedArgoObjectIR;
}
