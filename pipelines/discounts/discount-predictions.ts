import { batchPredict, warehouseExtract } from '../../components/index.ts';
import { param, pipeline } from '../../dsl/index.ts';
import { platformOptions } from '../shared/platform.ts';
import { DISCOUNT_MODEL } from './discount-training.ts';
import { DISCOUNT_CANDIDATES_SQL } from './queries.ts';

/**
 * Personalized discounts: weekly batch predictions. Scores every (customer, product, discount
 * level) candidate with the champion and keeps, per customer and product, the level with the
 * highest expected margin (purchase probability x margin after discount). The app and the
 * notification composer read the published file.
 */
export const discountPredictions = pipeline(
  'discount-predictions',
  {
    description: 'Weekly batch scoring: the best discount per customer and selected product.',
    params: {
      snapshotDate: param.string().describe('Day the offers start: a date or an RFC 3339 time.'),
      outputPrefix: param.string().describe('Object-store prefix the predictions are published under.'),
      modelVersion: param.string().describe('Registered version to score with: the serving version of pipelines/model-versions.json.'),
    },
    timeout: '4h',
    ...platformOptions,
  },
  (p, params) => {
    const candidates = p.task('extract-candidates', warehouseExtract, { sql: DISCOUNT_CANDIDATES_SQL, snapshotDate: params.snapshotDate });
    p.task('optimize', batchPredict, {
      dataset: candidates.outputs.table,
      registeredModel: DISCOUNT_MODEL,
      version: params.modelVersion,
      groupBy: ['user_id', 'product_id'],
      topK: 1,
      valueColumn: 'margin_after_discount',
      destination: `${params.outputPrefix}/snapshot=${params.snapshotDate}/discounts.parquet`,
    });
  },
);
