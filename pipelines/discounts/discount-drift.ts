import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { DISCOUNT_MODEL, discountTraining } from './discount-training.ts';
import { DISCOUNT_HISTORY_SQL, DISCOUNT_RECENT_SQL } from './queries.ts';

/** Drift of this week's scored candidates against the training history; retrains off-cycle. */
export const discountDrift = driftCheckPipeline({
  name: 'discount-drift',
  model: DISCOUNT_MODEL,
  referenceSql: DISCOUNT_HISTORY_SQL,
  currentSql: DISCOUNT_RECENT_SQL,
  features: {
    numeric: [
      'price',
      'margin_rate',
      'category_affinity',
      'days_since_last_purchase',
      'purchases_90d',
      'product_views_30d',
      'basket_value_avg',
    ],
    categorical: ['customer_segment'],
  },
  scoreThreshold: 0.3,
  retrain: (p, args) => p.submit('retrain', discountTraining, args),
});
