import { argoRolloutsTarget } from './argo-rollouts/index.ts';
import { argoSchedulesTarget, argoWorkflowsTarget } from './argo-workflows/index.ts';
import { istioTarget } from './istio/index.ts';
import { kserveTarget } from './kserve/index.ts';
import type { Target } from './target.ts';

/**
 * Every backend, in render order. A new target is a folder under charts/ plus one line here.
 * @example
 * ```ts
 * for (const t of targets) t.render(ctx);
 * ```
 */
export const targets: readonly Target[] = [argoWorkflowsTarget, argoSchedulesTarget, kserveTarget, argoRolloutsTarget, istioTarget];

export type { Target, RenderContext, OutputFile, PipelineBackend } from './target.ts';
export { deploymentIgnoreDifferences, appIgnoreDifferences } from './deployment-sync.ts';
export type { IgnoreDifference } from './deployment-sync.ts';
