import { defaultPipelineBackend, type Target } from '../target.ts';
import { addArgoObject } from '../api-object.ts';

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
