import { artifact, component, param } from 'argosy';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * The columns of every composed candidate (`COLUMNS` in scripts/compose_notifications.py; a test
 * keeps the two lists equal): the message, then what the selection model may score. The send
 * time is a feature too, as `hour_of_day` and `day_of_week` (1 = Sunday, like BigQuery's
 * DAYOFWEEK) in `timezone`.
 */
export const CANDIDATE_COLUMNS = [
  'user_id',
  'item_id',
  'title',
  'body',
  'deeplink',
  'slot',
  'kind',
  'relevance',
  'slot_affinity',
  'days_since_last_purchase',
  'purchases_90d',
  'hour_of_day',
  'day_of_week',
] as const;

/**
 * Composes candidate push notifications for one send slot from this week's personal discounts,
 * the user's recommended categories and their purchase patterns: rendered copy plus the
 * features the selection model scores (see {@link CANDIDATE_COLUMNS}). Opted-out and recently
 * notified users are left out.
 *
 * @example
 * ```ts
 * const compose = p.task('compose', composeNotifications, { discounts, categories, patterns, slot: params.slot, sendTime: params.sendTime });
 * ```
 */
export const composeNotifications = component('compose-notifications', {
  description: 'Compose candidate notifications from discounts, categories and purchase patterns.',
  image: images.mlBase,
  inputs: {
    discounts: artifact('Dataset').describe('user_id, product_id, product_name, discount_pct, expected_value.'),
    categories: artifact('Dataset').describe('user_id, category_id, category_name, score.'),
    patterns: artifact('Dataset').describe(
      'user_id, morning_share, evening_share, days_since_last_purchase, purchases_90d, opted_out, hours_since_last_notification.',
    ),
    slot: param.string().enum(['morning', 'evening']),
    sendTime: param.string().describe('When the messages go out: an RFC 3339 time with offset (the schedule time).'),
    timezone: param.string().default('Europe/Berlin').describe('Time zone of hour_of_day and day_of_week.'),
    perKind: param.int().default(3).describe('Candidates per user and message kind.'),
  },
  outputs: { candidates: artifact('Dataset'), candidateCount: param.int() },
  script: { source: readScript('compose_notifications.py') },
  resources: { cpu: '2', memory: '8Gi' },
  timeout: '1h',
});
