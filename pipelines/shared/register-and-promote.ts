import { promote, registerModel } from '../../components/index.ts';
import type { ArtifactRef, ParamRef, PipelineBuilder } from 'argosy';

/** What a training pipeline hands over once its challenger passed every gate. */
export interface Promotion {
  /** Registered model name in MLflow (and key in the GitOps versions file). */
  readonly registeredModel: string;
  readonly model: ArtifactRef<'Model'>;
  readonly score: ParamRef<number>;
  readonly metric: string;
  readonly promotion: GitopsRefs;
  /**
   * `candidate` (default): the deployment's strategy rolls the version out next to the serving one.
   * `serving`: the reviewed change itself switches the version: models only scored in batch, and
   * Argo Rollouts deployments (the Rollout runs its strategy whenever its pod template changes).
   */
  readonly recordAs?: 'candidate' | 'serving';
}

/** Where and how a version is recorded in the GitOps repository, as parameter references. */
export interface GitopsRefs {
  readonly gitopsEnvironment: ParamRef<'staging' | 'production'>;
  readonly promotion: ParamRef<'pull-request' | 'auto-merge'>;
  readonly gitopsBranch: ParamRef<string>;
}

/** The promotion parameters of a training pipeline (promotionParams), as references. */
export interface PromotionRefs extends GitopsRefs {
  readonly championVersion: ParamRef<string>;
}

/**
 * The last two steps of every training pipeline: register the challenger in MLflow, then record
 * the new version in the GitOps repository so Argo CD rolls it out (after review, in production).
 *
 * @example
 * ```ts
 * p.when(eq(gate.outputs.promote, true), (p) => registerAndPromote(p, { registeredModel: 'ctr-categories', model: train.outputs.model, ..., promotion: params }));
 * ```
 */
export function registerAndPromote(p: PipelineBuilder, x: Promotion): void {
  const register = p.task('register', registerModel, {
    model: x.model,
    registeredModel: x.registeredModel,
    score: x.score,
    metric: x.metric,
  });
  p.task('promote', promote, {
    registeredModel: x.registeredModel,
    environment: x.promotion.gitopsEnvironment,
    version: register.outputs.version,
    modelUri: register.outputs.modelUri,
    storageUri: register.outputs.storageUri,
    mode: x.promotion.promotion,
    baseBranch: x.promotion.gitopsBranch,
    recordAs: x.recordAs ?? 'candidate',
  });
}
