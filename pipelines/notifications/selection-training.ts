import { championGate, evaluateBacktest, trainLightgbm, warehouseExtract } from '../../components/index.ts';
import { and, eq, ge, param, pipeline } from 'argosy';
import { platformOptions, promotionParams } from '../shared/platform.ts';
import { registerAndPromote } from '../shared/register-and-promote.ts';
import { SENDS_HISTORY_SQL, SENDS_HOLDOUT_SQL } from './queries.ts';

/** The model that picks which candidate notification a user gets. */
export const SELECTION_MODEL = 'notification-selection';

/**
 * The selection model's inputs, in order: columns of messaging.notification_sends for training,
 * of the composed candidates (compose-notifications) for the sends.
 */
export const SELECTION_FEATURES = [
  'slot',
  'kind',
  'relevance',
  'slot_affinity',
  'days_since_last_purchase',
  'purchases_90d',
  'hour_of_day',
  'day_of_week',
];

/**
 * Notifications: daily training of the selection model (will the user open this message in
 * this slot?), backtested day by day over the last week and gated against the champion.
 */
export const selectionTraining = pipeline(
  'notification-selection-training',
  {
    description: 'Daily training of the notification selection model.',
    params: {
      snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time.'),
      minLift: param
        .float()
        .default(0.0)
        .describe('AUC points the challenger must gain; daily retrains only need to match.'),
      minDayAuc: param.float().default(0.6).describe('Lowest AUC any backtest day may have.'),
      ...promotionParams,
    },
    timeout: '3h',
    ...platformOptions,
  },
  (p, params) => {
    const history = p.task('extract-history', warehouseExtract, {
      sql: SENDS_HISTORY_SQL,
      snapshotDate: params.snapshotDate,
    });
    const holdout = p.task('extract-holdout', warehouseExtract, {
      sql: SENDS_HOLDOUT_SQL,
      snapshotDate: params.snapshotDate,
    });
    const train = p.task('train', trainLightgbm, {
      dataset: history.outputs.table,
      holdout: holdout.outputs.table,
      features: SELECTION_FEATURES,
      objective: 'binary',
      numLeaves: 31,
      rounds: 300,
    });
    const backtest = p.task('backtest', evaluateBacktest, {
      predictions: train.outputs.predictions,
      metric: 'auc',
      windowDays: 1,
      windows: 7,
    });
    const gate = p.task('champion-gate', championGate, {
      predictions: train.outputs.predictions,
      registeredModel: SELECTION_MODEL,
      championVersion: params.championVersion,
      metric: 'auc',
      minLift: params.minLift,
      minScore: 0.6,
    });
    p.when(and(eq(gate.outputs.promote, true), ge(backtest.outputs.worstScore, params.minDayAuc)), (p) =>
      registerAndPromote(p, {
        registeredModel: SELECTION_MODEL,
        model: train.outputs.model,
        score: gate.outputs.challengerScore,
        metric: 'auc',
        promotion: params,
        // Only the two daily sends score with it: the reviewed change of the serving version is the rollout.
        recordAs: 'serving',
      }),
    );
  },
);
