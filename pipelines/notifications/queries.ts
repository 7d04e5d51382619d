/**
 * Sent notifications with the features known at send time and whether the user opened it within
 * two hours. History ends where the 7-day holdout starts.
 */
const SENDS = `
SELECT s.user_id, s.sent_at AS event_time, s.slot, s.kind, s.relevance, s.slot_affinity,
       s.days_since_last_purchase, s.purchases_90d, s.hour_of_day, s.day_of_week,
       CAST(s.opened_within_2h AS INT64) AS label
FROM messaging.notification_sends s
`.trim();

export const SENDS_HISTORY_SQL = `${SENDS}
WHERE DATE(s.sent_at) BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 67 DAY) AND DATE_SUB(DATE(:snapshot_date), INTERVAL 8 DAY)`;

export const SENDS_HOLDOUT_SQL = `${SENDS}
WHERE DATE(s.sent_at) BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 7 DAY) AND DATE(:snapshot_date)`;

/** This week's published personal discounts (the discount-predictions output, loaded into the warehouse). */
export const CURRENT_DISCOUNTS_SQL = `
SELECT user_id, product_id, product_name, discount_pct, ranking_score AS expected_value
FROM ml_outputs.discount_predictions
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ml_outputs.discount_predictions WHERE snapshot_date <= DATE(:snapshot_date))
`.trim();

/** The categories the recommended-categories endpoint served each user yesterday, best first. */
export const SERVED_CATEGORIES_SQL = `
SELECT user_id, category_id, category_name, MAX(score) AS score
FROM ml_logs.ctr_categories_responses
WHERE response_date = DATE_SUB(DATE(:snapshot_date), INTERVAL 1 DAY)
GROUP BY user_id, category_id, category_name
`.trim();

/** When and how often each user shops, their opt-out state and their last notification. */
export const PURCHASE_PATTERNS_SQL = `
SELECT user_id, morning_share, evening_share, days_since_last_purchase, purchases_90d,
       opted_out, hours_since_last_notification
FROM ml_features.user_purchase_patterns
WHERE snapshot_date = DATE(:snapshot_date)
`.trim();

/** Drift current window: the candidates composed over the last seven days. */
export const RECENT_CANDIDATES_SQL = `
SELECT slot, kind, relevance, slot_affinity, days_since_last_purchase, purchases_90d
FROM ml_logs.notification_candidates
WHERE composed_date BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 7 DAY) AND DATE(:snapshot_date)
`.trim();
