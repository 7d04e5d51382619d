import { DISCOUNT_PREDICTIONS_TABLE } from '../discounts/discount-predictions.ts';

/**
 * Notifications the push service delivered (it records every outbox row with the features it was
 * scored with, see compose_notifications.py) and whether the user opened it within two hours.
 * History ends where the 7-day holdout starts.
 */
const SENDS = `
SELECT s.user_id, s.sent_at AS event_time, s.slot, s.kind, s.relevance, s.slot_affinity,
       s.days_since_last_purchase, s.purchases_90d, s.hour_of_day, s.day_of_week,
       CAST(s.opened_within_2h AS INT64) AS label
FROM messaging.notification_sends s
`.trim();

export const SENDS_HISTORY_SQL = `${SENDS}
WHERE DATE(s.sent_at) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 67 DAY) AND DATE_SUB(@snapshot_date, INTERVAL 8 DAY)`;

export const SENDS_HOLDOUT_SQL = `${SENDS}
WHERE DATE(s.sent_at) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 7 DAY) AND @snapshot_date`;

/** This week's personal discounts, as `discount-predictions` loaded them (its latest snapshot). */
export const CURRENT_DISCOUNTS_SQL = `
SELECT user_id, product_id, product_name, discount_pct, ranking_score AS expected_value
FROM ${DISCOUNT_PREDICTIONS_TABLE}
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ${DISCOUNT_PREDICTIONS_TABLE} WHERE snapshot_date <= @snapshot_date)
`.trim();

/** The categories the recommended-categories endpoint served each user yesterday, best first. */
export const SERVED_CATEGORIES_SQL = `
SELECT user_id, category_id, category_name, MAX(score) AS score
FROM ml_logs.ctr_categories_responses
WHERE response_date = DATE_SUB(@snapshot_date, INTERVAL 1 DAY)
GROUP BY user_id, category_id, category_name
`.trim();

/** When and how often each user shops, their opt-out state and their last notification. */
export const PURCHASE_PATTERNS_SQL = `
SELECT user_id, morning_share, evening_share, days_since_last_purchase, purchases_90d,
       opted_out, hours_since_last_notification
FROM ml_features.user_purchase_patterns
WHERE snapshot_date = @snapshot_date
`.trim();

/**
 * Drift current window: what the sends of the last seven days scored and delivered. Compared
 * with the training history of the same table, so both windows are messages the selection model
 * picked (all composed candidates would differ from the sends by construction).
 */
export const RECENT_SENDS_SQL = `
SELECT s.slot, s.kind, s.relevance, s.slot_affinity, s.days_since_last_purchase, s.purchases_90d, s.hour_of_day, s.day_of_week
FROM messaging.notification_sends s
WHERE DATE(s.sent_at) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 6 DAY) AND @snapshot_date
`.trim();
