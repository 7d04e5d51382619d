import { DslError, seg } from '../../dsl/errors.ts';
import type { AppIR, EnvironmentIR, PipelineIR } from '../../dsl/ir/index.ts';
import { submitsOf } from '../../dsl/ir/nodes.ts';
import { defaultPipelineBackend, type PipelineBackend } from '../target.ts';
import { kfpSupports } from './supports.ts';

/** Where the backend decision is made: the environment, the synth run's default and a sink for notes. */
export interface AssignContext {
  readonly env: EnvironmentIR;
  readonly pipelineBackend: PipelineBackend;
  readonly toolVersion: string;
  readonly note: (message: string) => void;
}

/**
 * Settles the backend of every pipeline of an app before the targets render it, and pins it in
 * the returned app so every target agrees. A pipeline's own `target` always wins, and one pinned
 * to KFP that KFP cannot compile fails the synth (the KFP target reports why). A pipeline that is
 * KFP only by default (its environment's `pipelineBackend` or `argosy synth --target kfp`) stays
 * on Argo, with a note, when KFP cannot express it or when an Argo pipeline starts it with
 * `p.submit()` (which creates a Workflow from its WorkflowTemplate).
 *
 * @example
 * ```ts
 * const settled = assignPipelineBackends(app, { env, pipelineBackend: 'kfp', toolVersion: '0.1.0', note: console.error });
 * ```
 */
export function assignPipelineBackends(app: AppIR, ctx: AssignContext): AppIR {
  if (defaultPipelineBackend(ctx) !== 'kfp') return app;
  const where = `environment "${ctx.env.name}" > app "${app.name}"`;
  const starters = new Map<string, string>();
  for (const p of app.pipelines)
    for (const { pipeline: name } of submitsOf(p)) if (!starters.has(name)) starters.set(name, p.name);
  const pipelines = app.pipelines.map((p): PipelineIR => {
    const starter = starters.get(p.name);
    if (p.target === 'kfp' && starter !== undefined) {
      throw new DslError({
        path: [seg('environment', ctx.env.name), seg('app', app.name), seg('pipeline', p.name)],
        problem: `pipeline "${starter}" starts this pipeline with p.submit(), which creates an Argo Workflow from its WorkflowTemplate, but it is pinned to Kubeflow Pipelines`,
        got: 'kfp',
        fix: `Remove target: 'kfp' from pipeline "${p.name}", or start its runs from outside Argo`,
      });
    }
    if (p.target === 'argo') {
      ctx.note(`${where}: pipeline "${p.name}" stays on Argo Workflows (it sets target: 'argo')`);
      return p;
    }
    if (p.target === 'kfp') return p;
    if (starter !== undefined) {
      ctx.note(
        `${where}: pipeline "${p.name}" stays on Argo Workflows: pipeline "${starter}" starts it with p.submit(), which needs its WorkflowTemplate`,
      );
      return { ...p, target: 'argo' };
    }
    const support = kfpSupports(p);
    if (support.supported) return p;
    const reasons = support.reasons.map((r) => r.message);
    ctx.note(
      `${where}: pipeline "${p.name}" stays on Argo Workflows: ${reasons[0]}${reasons.length > 1 ? ` (and ${reasons.length - 1} more: ${reasons.slice(1).join(' ')})` : ''}`,
    );
    return { ...p, target: 'argo' };
  });
  return pipelines.every((p, i) => p === app.pipelines[i]) ? app : { ...app, pipelines };
}
