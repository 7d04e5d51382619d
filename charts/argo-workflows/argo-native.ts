import { ApiObject, JsonPatch, type Chart } from 'cdk8s';
import type { ArgoObjectIR } from '../../dsl/ir/argo-workflow.ts';
import { defaultPipelineBackend, type Target } from '../target.ts';
import { ARGO_API_VERSION } from './workflow-template.ts';

const CLUSTER_SCOPED = new Set<ArgoObjectIR['kind']>(['ClusterWorkflowTemplate']);

/**
 * An Argo-native object as the plain Kubernetes object Argo reads. The IR already has Argo's
 * shape; this adds apiVersion and the environment's namespace (never on cluster-scoped kinds).
 *
 * @example
 * ```ts
 * renderArgoObject(app.workflows[0], 'ml-staging');
 * ```
 */
export function renderArgoObject(
  o: ArgoObjectIR,
  namespace: string | undefined,
): Record<string, unknown> & { metadata: Record<string, unknown> } {
  const ns = CLUSTER_SCOPED.has(o.kind) ? undefined : (o.metadata.namespace ?? namespace);
  return {
    apiVersion: ARGO_API_VERSION,
    kind: o.kind,
    metadata: { ...o.metadata, ...(ns ? { namespace: ns } : {}) },
    spec: o.spec,
  };
}

/**
 * Adds an Argo-native object to the chart. cdk8s always sets `metadata.name`; a Workflow named
 * by the cluster (`generateName`) must not have one, so it is patched out again.
 */
export function addArgoObject(chart: Chart, o: ArgoObjectIR, namespace: string | undefined): ApiObject {
  const spec = renderArgoObject(o, namespace);
  const id = `${o.kind}.${o.metadata.name ?? o.metadata.generateName ?? ''}`;
  const obj = new ApiObject(chart, id, spec as ConstructorParameters<typeof ApiObject>[2]);
  if (o.metadata.name === undefined) obj.addJsonPatch(JsonPatch.remove('/metadata/name'));
  return obj;
}

/**
 * Argo-native objects written with dsl/argo (Workflows, WorkflowTemplates,
 * ClusterWorkflowTemplates, CronWorkflows, WorkflowEventBindings). They always render,
 * whichever backend compiles pipelines, because they are Argo objects by definition.
 * @example
 * ```ts
 * argoNativeTarget.render(ctx);
 * ```
 */
export const argoNativeTarget: Target = {
  name: 'argo-native',
  render(ctx) {
    const objects = ctx.app.workflows ?? [];
    for (const o of objects) addArgoObject(ctx.chart, o, ctx.env.namespace);
    // Recursion, sidecars and the other template types exist only here, and KFP runs none of them.
    if (objects.length > 0 && defaultPipelineBackend(ctx) === 'kfp') {
      const names = objects
        .map((o) => `${o.kind} ${o.metadata.name ?? o.metadata.generateName ?? ''}`.trim())
        .join(', ');
      ctx.note?.(
        `environment "${ctx.env.name}" > app "${ctx.app.name}": its Argo-native objects (${names}) are written as Argo objects whatever the pipeline backend; Kubeflow Pipelines cannot run them`,
      );
    }
  },
};
