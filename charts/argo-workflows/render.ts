import type { ApiObject, Chart } from 'cdk8s';
import { dump } from 'js-yaml';
import type { ArgoObjectIR } from '../../dsl/ir/index.ts';
import { addObject, type ObjectMetadata, type ObjectSpec } from '../api-object.ts';

/** The API version of every Argo Workflows kind. */
export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

const CLUSTER_SCOPED = new Set<ArgoObjectIR['kind']>(['ClusterWorkflowTemplate']);

/** A rendered Argo object: the typed IR plus apiVersion, with metadata naming it. */
export type RenderedArgoObject = ObjectSpec<ObjectMetadata> & Pick<ArgoObjectIR, 'kind' | 'spec'>;

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
export function renderArgoObject(o: ArgoObjectIR, namespace: string | undefined): RenderedArgoObject {
  const ns = CLUSTER_SCOPED.has(o.kind) ? undefined : (o.metadata.namespace ?? namespace);
  // dsl/argo and the lowering always set a name or a generateName; Argo needs one of them.
  const metadata = { ...o.metadata, ...(ns ? { namespace: ns } : {}) } as ObjectMetadata;
  return { apiVersion: ARGO_API_VERSION, kind: o.kind, metadata, spec: o.spec } as RenderedArgoObject;
}

/**
 * Adds an Argo object to the chart; a Workflow named by the cluster (`generateName`) keeps no
 * `metadata.name` (see {@link addObject}).
 *
 * @example
 * ```ts
 * addArgoObject(ctx.chart, workflowTemplateIR(pipelineIR), ctx.env.namespace);
 * ```
 */
export function addArgoObject(chart: Chart, o: ArgoObjectIR, namespace: string | undefined): ApiObject {
  return addObject(chart, renderArgoObject(o, namespace));
}

/**
 * An object as the manifest text of an Argo `resource` template: sorted keys and no line
 * folding, so the output stays deterministic.
 */
export function manifestText(manifest: object): string {
  return dump(manifest, { sortKeys: true, lineWidth: -1, noRefs: true });
}
