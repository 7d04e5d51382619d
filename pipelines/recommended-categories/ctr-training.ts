import {
  championGate,
  featureEngineering,
  trainXgboost,
  warehouseExtract,
  warehouseLoad,
} from '../../components/index.ts';
import { eq, param, pipeline } from 'argosy';
import { platformOptions, promotionParams } from '../shared/platform.ts';
import { registerAndPromote } from '../shared/register-and-promote.ts';
import { CTR_FEATURES, CTR_MODEL, CTR_TRAINING_TABLE } from './ctr-features.ts';
import { CTR_EVENTS_SQL } from './queries.ts';

export { CTR_MODEL } from './ctr-features.ts';

/**
 * Recommended categories: weekly training of the CTR model that ranks categories per user.
 * extract -> features -> train -> champion gate -> (only when the challenger wins) training
 * snapshot for the drift check, register, promote.
 */
export const ctrTraining = pipeline(
  'ctr-training',
  {
    description: 'Weekly training of the category CTR model with a champion/challenger gate.',
    params: {
      snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time.'),
      learningRate: param.float().default(0.05),
      maxDepth: param.int().default(6),
      minLift: param.float().default(0.002).describe('AUC points the challenger must gain over the champion.'),
      ...promotionParams,
    },
    timeout: '8h',
    ...platformOptions,
  },
  (p, params) => {
    const extract = p.task('extract', warehouseExtract, { sql: CTR_EVENTS_SQL, snapshotDate: params.snapshotDate });
    const features = p.task('features', featureEngineering, {
      raw: extract.outputs.table,
      features: [...CTR_FEATURES],
    });
    const train = p.task('train', trainXgboost, {
      dataset: features.outputs.train,
      holdout: features.outputs.holdout,
      features: [...CTR_FEATURES],
      learningRate: params.learningRate,
      maxDepth: params.maxDepth,
    });
    const gate = p.task('evaluate', championGate, {
      predictions: train.outputs.predictions,
      registeredModel: CTR_MODEL,
      championVersion: params.championVersion,
      metric: 'auc',
      minLift: params.minLift,
      minScore: 0.6,
    });
    p.when(eq(gate.outputs.promote, true), (p) => {
      p.task('load-training-snapshot', warehouseLoad, {
        rows: features.outputs.train,
        table: CTR_TRAINING_TABLE,
        snapshotDate: params.snapshotDate,
      });
      registerAndPromote(p, {
        registeredModel: CTR_MODEL,
        model: train.outputs.model,
        score: gate.outputs.challengerScore,
        metric: 'auc',
        promotion: params,
      });
    });
  },
);
