import { batchPredict, composeNotifications, warehouseExtract } from '../../components/index.ts';
import { param, pipeline } from 'argosy';
import { platformOptions } from '../shared/platform.ts';
import { CURRENT_DISCOUNTS_SQL, PURCHASE_PATTERNS_SQL, SERVED_CATEGORIES_SQL } from './queries.ts';
import { SELECTION_FEATURES, SELECTION_MODEL } from './selection-training.ts';

/**
 * Notifications: one send slot. Composes candidates from this week's discounts, the user's
 * recommended categories and their purchase patterns, lets the selection model keep the one
 * message per user most likely to be opened, and publishes it to the outbox the push service
 * drains (it records each delivered row, features included, in messaging.notification_sends:
 * the selection model's training data). Runs twice a day, once per slot.
 */
export const notificationSend = pipeline(
  'notification-send',
  {
    description: 'Compose and select one notification per user for a send slot.',
    params: {
      snapshotDate: param
        .string()
        .describe(
          'Send time: an RFC 3339 time with offset (the schedule time); hour_of_day and day_of_week are features.',
        ),
      slot: param.string().enum(['morning', 'evening']),
      outbox: param.string().describe('Object-store prefix of the push service outbox.'),
      modelVersion: param
        .string()
        .describe('Registered version to score with: the serving version of pipelines/model-versions.json.'),
    },
    timeout: '90m',
    ...platformOptions,
  },
  (p, params) => {
    const discounts = p.task('extract-discounts', warehouseExtract, {
      sql: CURRENT_DISCOUNTS_SQL,
      snapshotDate: params.snapshotDate,
    });
    const categories = p.task('extract-categories', warehouseExtract, {
      sql: SERVED_CATEGORIES_SQL,
      snapshotDate: params.snapshotDate,
    });
    const patterns = p.task('extract-patterns', warehouseExtract, {
      sql: PURCHASE_PATTERNS_SQL,
      snapshotDate: params.snapshotDate,
    });
    const compose = p.task('compose', composeNotifications, {
      discounts: discounts.outputs.table,
      categories: categories.outputs.table,
      patterns: patterns.outputs.table,
      slot: params.slot,
      sendTime: params.snapshotDate,
    });
    p.task('select', batchPredict, {
      dataset: compose.outputs.candidates,
      registeredModel: SELECTION_MODEL,
      version: params.modelVersion,
      features: SELECTION_FEATURES,
      groupBy: ['user_id'],
      topK: 1,
      destination: `${params.outbox}/slot=${params.slot}/snapshot=${params.snapshotDate}/notifications.parquet`,
    });
  },
);
