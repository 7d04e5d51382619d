import { promote, registerModel } from '../../components/index.ts';
import type { ArtifactRef, ParamRef, PipelineBuilder } from '../../dsl/index.ts';

/** What a training pipeline hands over once its challenger passed every gate. */
export interface Promotion {
  /** Registered model name in MLflow (and key in the GitOps versions file). */
  readonly registeredModel: string;
  readonly model: ArtifactRef<'Model'>;
  readonly score: ParamRef<number>;
  readonly metric: string;
  readonly promotion: ParamRef<'pull-request' | 'commit'>;
  readonly gitopsBranch: ParamRef<string>;
}

/**
 * The last two steps of every training pipeline: register the challenger in MLflow, then record
 * the new version in the GitOps repository so Argo CD rolls it out (after review, in production).
 *
 * @example
 * ```ts
 * p.when(eq(gate.outputs.promote, true), (p) => registerAndPromote(p, { registeredModel: 'ctr-categories', model: train.outputs.model, ... }));
 * ```
 */
export function registerAndPromote(p: PipelineBuilder, x: Promotion): void {
  const register = p.task('register', registerModel, { model: x.model, registeredModel: x.registeredModel, score: x.score, metric: x.metric });
  p.task('promote', promote, {
    registeredModel: x.registeredModel,
    version: register.outputs.version,
    modelUri: register.outputs.modelUri,
    mode: x.promotion,
    baseBranch: x.gitopsBranch,
  });
}
