import { argoCdTarget } from './argocd/index.ts';
import { argoSchedulesTarget, argoWorkflowsTarget } from './argo-workflows/index.ts';
import { kfpPipelinesTarget } from './kfp/index.ts';
import { monitoringTarget } from './monitoring/index.ts';
import type { Target } from './target.ts';

/**
 * Every backend, in render order. A new target is a folder under charts/ plus one line here.
 * @example
 * ```ts
 * for (const t of targets) t.render(ctx);
 * ```
 */
// argoCdTarget stays last: it adds sync waves to what the targets before it rendered.
export const targets: readonly Target[] = [argoWorkflowsTarget, argoSchedulesTarget, kfpPipelinesTarget, monitoringTarget, argoCdTarget];

export type { Target, RenderContext, OutputFile, PipelineBackend, RenderedObject, IgnoreDifference, EnvironmentRenderContext } from './target.ts';
export { pipelineBackendOf } from './target.ts';
