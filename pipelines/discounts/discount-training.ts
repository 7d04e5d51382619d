import { championGate, evaluateBacktest, trainSklearn, warehouseExtract } from '../../components/index.ts';
import { and, eq, ge, param, pipeline } from 'argosy';
import { platformOptions, promotionParams } from '../shared/platform.ts';
import { registerAndPromote } from '../shared/register-and-promote.ts';
import { DISCOUNT_HISTORY_SQL, DISCOUNT_HOLDOUT_SQL } from './queries.ts';

/** The purchase-propensity model behind the discount optimizer. */
export const DISCOUNT_MODEL = 'discount-optimizer';

/**
 * The optimizer's inputs, in order: trained on here, scored with by `discount-predictions` and
 * sent by the product page to the real-time endpoint (its transformer adds `discount_pct`).
 */
export const DISCOUNT_FEATURES = [
  'discount_pct',
  'price',
  'margin_rate',
  'category_affinity',
  'days_since_last_purchase',
  'purchases_90d',
  'product_views_30d',
  'basket_value_avg',
  'customer_segment',
];

/**
 * Personalized discounts: weekly training of the model that predicts whether a customer buys a
 * product at a given discount. The champion/challenger gate is offline and two-fold: the
 * challenger must beat the champion on the 28-day holdout, and hold up in each of its four
 * weekly backtest windows, before it is registered and promoted.
 */
export const discountTraining = pipeline(
  'discount-training',
  {
    description: 'Weekly training of the discount propensity model with a backtested champion/challenger gate.',
    params: {
      snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time.'),
      minLift: param.float().default(0.003).describe('AUC points the challenger must gain over the champion.'),
      minWindowAuc: param.float().default(0.62).describe('Lowest AUC any backtest week may have.'),
      ...promotionParams,
    },
    timeout: '6h',
    ...platformOptions,
  },
  (p, params) => {
    const history = p.task('extract-history', warehouseExtract, {
      sql: DISCOUNT_HISTORY_SQL,
      snapshotDate: params.snapshotDate,
    });
    const holdout = p.task('extract-holdout', warehouseExtract, {
      sql: DISCOUNT_HOLDOUT_SQL,
      snapshotDate: params.snapshotDate,
    });
    const train = p.task('train', trainSklearn, {
      dataset: history.outputs.table,
      holdout: holdout.outputs.table,
      features: DISCOUNT_FEATURES,
      estimator: 'gradient-boosting',
      hyperparameters: { max_depth: 4, n_estimators: 300, learning_rate: 0.05, subsample: 0.8 },
    });
    const backtest = p.task('backtest', evaluateBacktest, {
      predictions: train.outputs.predictions,
      metric: 'auc',
      windowDays: 7,
      windows: 4,
    });
    const gate = p.task('champion-gate', championGate, {
      predictions: train.outputs.predictions,
      registeredModel: DISCOUNT_MODEL,
      championVersion: params.championVersion,
      metric: 'auc',
      minLift: params.minLift,
      minScore: 0.65,
    });
    p.when(and(eq(gate.outputs.promote, true), ge(backtest.outputs.worstScore, params.minWindowAuc)), (p) =>
      registerAndPromote(p, {
        registeredModel: DISCOUNT_MODEL,
        model: train.outputs.model,
        score: gate.outputs.challengerScore,
        metric: 'auc',
        promotion: params,
      }),
    );
  },
);
