import { driftCheck, warehouseExtract, type DriftFeatures, type DriftThresholds } from '../../components/index.ts';
import {
  and,
  cron,
  eq,
  param,
  pipeline,
  runtime,
  schedule,
  type Environment,
  type ParamRef,
  type Pipeline,
  type PipelineBuilder,
  type Schedule,
  type Submission,
} from 'argosy';
import { promotionArgs, settings } from '../environments.ts';
import { platformOptions, promotionParams } from './platform.ts';
import type { PromotionRefs } from './register-and-promote.ts';

/** What to compare for one deployed model, and what to start when it drifted. */
export interface DriftCheckSpec {
  /** Pipeline name, e.g. `ctr-drift`. */
  readonly name: string;
  /** Registered model name: labels the pushed drift score the model's alert reads. */
  readonly model: string;
  /** Reference window: the rows the serving model was trained on. */
  readonly referenceSql: string;
  /** Current window: what the model saw recently (logged requests or scored rows). */
  readonly currentSql: string;
  readonly features: DriftFeatures;
  readonly thresholds?: DriftThresholds;
  /** Share of drifted features above which the model counts as drifted; also the alert threshold. */
  readonly scoreThreshold: number;
  /**
   * Starts the retraining run, typed against the training pipeline's parameters. Without it the
   * check only reports and alerts: for drift that no automatic retraining can answer.
   */
  readonly retrain?: (p: PipelineBuilder, args: RetrainArgs) => Submission;
}

/** What a retraining run is started with: the drift run's date and its environment's promotion settings. */
export interface RetrainArgs extends PromotionRefs {
  readonly snapshotDate: ParamRef<string>;
}

const alertParams = {
  snapshotDate: param.string().describe('Last day of the current window: a date or an RFC 3339 time.'),
};

const retrainParams = {
  ...alertParams,
  autoRetrain: param.bool().default(true).describe('Start retraining when the model drifted.'),
  // Handed to the retraining run, which records its model version for the same environment.
  ...promotionParams,
};

/** A drift pipeline plus what its schedule and alert need to agree on. */
export type DriftCheck =
  | {
      readonly retrains: true;
      readonly pipeline: Pipeline<typeof retrainParams>;
      readonly model: string;
      readonly scoreThreshold: number;
    }
  | {
      readonly retrains: false;
      readonly pipeline: Pipeline<typeof alertParams>;
      readonly model: string;
      readonly scoreThreshold: number;
    };

const options = (spec: DriftCheckSpec, what: string) => ({
  description: `Daily input drift check of ${spec.model}; ${what} when drift is above ${spec.scoreThreshold}.`,
  timeout: '2h',
  ...platformOptions,
});

function check(p: PipelineBuilder, spec: DriftCheckSpec, snapshotDate: ParamRef<string>) {
  const reference = p.task('extract-reference', warehouseExtract, { sql: spec.referenceSql, snapshotDate });
  const current = p.task('extract-current', warehouseExtract, { sql: spec.currentSql, snapshotDate });
  return p.task('check', driftCheck, {
    reference: reference.outputs.table,
    current: current.outputs.table,
    model: spec.model,
    features: spec.features,
    thresholds: spec.thresholds ?? {},
    scoreThreshold: spec.scoreThreshold,
  });
}

/**
 * The drift pipeline of one deployed model: extract both windows, run the drift check (which
 * pushes the score for the alert) and, when the model drifted and auto-retraining is on, submit a
 * run of its training pipeline. Without `retrain` it stops at the check (and the alert).
 *
 * @example
 * ```ts
 * export const ctrDrift = driftCheckPipeline({ name: 'ctr-drift', model: 'ctr-categories', ..., retrain: (p, args) => p.submit('retrain', ctrTraining, args) });
 * ```
 */
export function driftCheckPipeline(spec: DriftCheckSpec): DriftCheck {
  const base = { model: spec.model, scoreThreshold: spec.scoreThreshold };
  const retrain = spec.retrain;
  if (!retrain) {
    const built = pipeline(spec.name, { ...options(spec, 'alerts'), params: alertParams }, (p, params) => {
      check(p, spec, params.snapshotDate);
    });
    return { ...base, retrains: false, pipeline: built };
  }
  // Retraining is started by creating an Argo Workflow (p.submit), which only Argo can run.
  const built = pipeline(
    spec.name,
    { ...options(spec, 'retrains it'), target: 'argo', params: retrainParams },
    (p, params) => {
      const result = check(p, spec, params.snapshotDate);
      p.when(and(eq(result.outputs.drifted, true), eq(params.autoRetrain, true)), (p) => {
        const { snapshotDate, championVersion, gitopsEnvironment, promotion, gitopsBranch } = params;
        retrain(p, { snapshotDate, championVersion, gitopsEnvironment, promotion, gitopsBranch }).retry({
          limit: 3,
          policy: 'OnError',
          backoff: { duration: '30s', factor: 2 },
        });
      });
    },
  );
  return { ...base, retrains: true, pipeline: built };
}

/**
 * The daily schedule of a drift check. It runs in every environment (staging included, so the
 * monitoring path is exercised), but retrains only where the environment allows it.
 */
export function driftSchedule(check: DriftCheck, env: Environment, at: { hour: number; minute?: number }): Schedule {
  const common = {
    name: `${check.pipeline.name}-daily`,
    cron: cron.daily(at),
    timezone: 'Europe/Berlin',
    concurrency: 'forbid' as const,
    startingDeadline: '1h',
    history: { successful: 3, failed: 3 },
  };
  if (!check.retrains) return schedule(check.pipeline, { ...common, args: { snapshotDate: runtime.scheduledTime } });
  return schedule(check.pipeline, {
    ...common,
    args: {
      snapshotDate: runtime.scheduledTime,
      autoRetrain: settings(env).autoRetrain,
      ...promotionArgs(env, check.model),
    },
  });
}
