import {
  championGate,
  featureEngineering,
  trainLightgbm,
  warehouseExtract,
  warehouseLoad,
} from '../../components/index.ts';
import { eq, param, pipeline } from 'argosy';
import { platformOptions, promotionParams } from '../shared/platform.ts';
import { registerAndPromote } from '../shared/register-and-promote.ts';
import { PRODUCT_INTERACTIONS_SQL } from './queries.ts';
import { INTERACTIONS_TABLE, RANKER_FEATURES, RANKER_MODEL, RANKER_TRAINING_TABLE } from './ranker-features.ts';

export { RANKER_MODEL } from './ranker-features.ts';

/**
 * Product recommendations: daily training of the ranker (LightGBM lambdarank over each user's
 * candidates), gated on NDCG@10 per user against the champion. It also publishes the day's
 * features of every pair for the batch ranking, computed by the same step as the training rows.
 */
export const rankingTraining = pipeline(
  'product-ranking-training',
  {
    description: 'Daily training of the product ranker with a champion/challenger gate on NDCG.',
    params: {
      snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time.'),
      minLift: param.float().default(0.002).describe('NDCG@10 points the challenger must gain.'),
      ...promotionParams,
    },
    timeout: '5h',
    ...platformOptions,
  },
  (p, params) => {
    const extract = p.task('extract', warehouseExtract, {
      sql: PRODUCT_INTERACTIONS_SQL,
      snapshotDate: params.snapshotDate,
    });
    const features = p.task('features', featureEngineering, {
      raw: extract.outputs.table,
      features: [...RANKER_FEATURES],
      itemColumn: 'product_id',
      holdoutDays: 3,
    });
    p.task('load-serving-features', warehouseLoad, {
      rows: features.outputs.latest,
      table: INTERACTIONS_TABLE,
      snapshotDate: params.snapshotDate,
    });
    const train = p.task('train', trainLightgbm, {
      dataset: features.outputs.train,
      holdout: features.outputs.holdout,
      features: [...RANKER_FEATURES],
      objective: 'lambdarank',
      groupColumn: 'user_id',
    });
    const gate = p.task('champion-gate', championGate, {
      predictions: train.outputs.predictions,
      registeredModel: RANKER_MODEL,
      championVersion: params.championVersion,
      metric: 'ndcg',
      groupColumn: 'user_id',
      k: 10,
      minLift: params.minLift,
      minScore: 0.3,
    });
    p.when(eq(gate.outputs.promote, true), (p) => {
      p.task('load-training-snapshot', warehouseLoad, {
        rows: features.outputs.train,
        table: RANKER_TRAINING_TABLE,
        snapshotDate: params.snapshotDate,
      });
      registerAndPromote(p, {
        registeredModel: RANKER_MODEL,
        model: train.outputs.model,
        score: gate.outputs.challengerScore,
        metric: 'ndcg',
        promotion: params,
        // The ranker is an Argo Rollout: a new serving version is what starts its shadow, then canary.
        recordAs: 'serving',
      });
    });
  },
);
