import { championGate, featureEngineering, trainLightgbm, warehouseExtract } from '../../components/index.ts';
import { eq, param, pipeline } from '../../dsl/index.ts';
import { platformOptions, promotionParams } from '../shared/platform.ts';
import { registerAndPromote } from '../shared/register-and-promote.ts';
import { PRODUCT_INTERACTIONS_SQL } from './queries.ts';

/** The learning-to-rank model ordering candidate products per user. */
export const RANKER_MODEL = 'product-ranker';

/**
 * Product recommendations: daily training of the ranker (LightGBM lambdarank over each user's
 * candidates), gated on NDCG against the champion.
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
    const extract = p.task('extract', warehouseExtract, { sql: PRODUCT_INTERACTIONS_SQL, snapshotDate: params.snapshotDate });
    const features = p.task('features', featureEngineering, { raw: extract.outputs.table, itemColumn: 'product_id', holdoutDays: 3 });
    const train = p.task('train', trainLightgbm, {
      dataset: features.outputs.train,
      holdout: features.outputs.holdout,
      objective: 'lambdarank',
      groupColumn: 'user_id',
    });
    const gate = p.task('champion-gate', championGate, { predictions: train.outputs.predictions, registeredModel: RANKER_MODEL, championVersion: params.championVersion, metric: 'ndcg', minLift: params.minLift, minScore: 0.3 });
    p.when(eq(gate.outputs.promote, true), (p) =>
      registerAndPromote(p, {
        registeredModel: RANKER_MODEL,
        model: train.outputs.model,
        score: gate.outputs.challengerScore,
        metric: 'ndcg',
        promotion: params,
        // The ranker is an Argo Rollout: a new serving version is what starts its shadow, then canary.
        recordAs: 'serving',
      }),
    );
  },
);
