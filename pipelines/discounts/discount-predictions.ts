import { batchPredict, warehouseExtract, warehouseLoad } from '../../components/index.ts';
import { param, pipeline } from 'argosy';
import { platformOptions } from '../shared/platform.ts';
import { DISCOUNT_FEATURES, DISCOUNT_MODEL } from './discount-training.ts';
import { DISCOUNT_CANDIDATES_SQL } from './queries.ts';

/** Where the week's offers land in the warehouse, for the notification sends. */
export const DISCOUNT_PREDICTIONS_TABLE = 'ml_outputs.discount_predictions';

/**
 * Personalized discounts: weekly batch predictions. Scores every (customer, product, discount
 * level) candidate with the serving version and keeps, per customer and product, the level with
 * the highest expected margin (purchase probability x margin after discount). The app reads the
 * published file; the notification sends read the same rows from the warehouse.
 */
export const discountPredictions = pipeline(
  'discount-predictions',
  {
    description: 'Weekly batch scoring: the best discount per customer and selected product.',
    params: {
      snapshotDate: param.string().describe('Day the offers start: a date or an RFC 3339 time.'),
      outputPrefix: param.string().describe('Object-store prefix the predictions are published under.'),
      modelVersion: param
        .string()
        .describe('Registered version to score with: the serving version of pipelines/model-versions.json.'),
    },
    timeout: '4h',
    ...platformOptions,
  },
  (p, params) => {
    const candidates = p.task('extract-candidates', warehouseExtract, {
      sql: DISCOUNT_CANDIDATES_SQL,
      snapshotDate: params.snapshotDate,
    });
    const optimize = p.task('optimize', batchPredict, {
      dataset: candidates.outputs.table,
      registeredModel: DISCOUNT_MODEL,
      version: params.modelVersion,
      features: DISCOUNT_FEATURES,
      groupBy: ['user_id', 'product_id'],
      topK: 1,
      valueColumn: 'margin_after_discount',
      destination: `${params.outputPrefix}/snapshot=${params.snapshotDate}/discounts.parquet`,
    });
    p.task('load-predictions', warehouseLoad, {
      rows: optimize.outputs.predictions,
      table: DISCOUNT_PREDICTIONS_TABLE,
      snapshotDate: params.snapshotDate,
    });
  },
);
