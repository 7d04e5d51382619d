import { argoSchedulesTarget, argoWorkflowsTarget } from './argo-workflows/index.ts';
import { argoNativeTarget } from './argo-workflows/argo-native.ts';
import type { Target } from './target.ts';

/**
 * Every backend, in render order. A new target is a folder under charts/ plus one line here.
 * @example
 * ```ts
 * for (const t of targets) t.render(ctx);
 * ```
 */
export const targets: readonly Target[] = [argoWorkflowsTarget, argoSchedulesTarget, argoNativeTarget];

export type { Target, RenderContext, OutputFile, PipelineBackend } from './target.ts';
