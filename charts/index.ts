import { argoCdTarget } from './argocd/index.ts';
import { argoRolloutsTarget } from './argo-rollouts/index.ts';
import { argoSchedulesTarget, argoWorkflowsTarget } from './argo-workflows/index.ts';
import { istioTarget } from './istio/index.ts';
import { kfpPipelinesTarget } from './kfp/index.ts';
import { kserveTarget } from './kserve/index.ts';
import { monitoringTarget } from './monitoring/index.ts';
import { argoNativeTarget } from './argo-workflows/argo-native.ts';
import type { Target } from './target.ts';

/**
 * Every backend, in render order. A new target is a folder under charts/ plus one line here.
 * @example
 * ```ts
 * for (const t of targets) t.render(ctx);
 * ```
 */
// argoCdTarget stays last: it adds sync waves to what the targets before it rendered.
export const targets: readonly Target[] = [
  argoWorkflowsTarget,
  argoSchedulesTarget,
  argoNativeTarget,
  kfpPipelinesTarget,
  kserveTarget,
  argoRolloutsTarget,
  istioTarget,
  monitoringTarget,
  argoCdTarget,
];

export type {
  Target,
  RenderContext,
  OutputFile,
  PipelineBackend,
  RenderedObject,
  IgnoreDifference,
  EnvironmentRenderContext,
} from './target.ts';
export { pipelineBackendOf } from './target.ts';
export { assignPipelineBackends } from './kfp/index.ts';
export { deploymentIgnoreDifferences, appIgnoreDifferences } from './deployment-sync.ts';
