/** Impressions of category carousels in the app, with whether the user clicked. */
export const CTR_EVENTS_SQL = `
SELECT user_id, category_id, event_time, clicked
FROM analytics.category_impressions
WHERE event_date BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 90 DAY) AND DATE(:snapshot_date)
`.trim();

/** Features the serving model was trained on: the latest training snapshot. */
export const CTR_REFERENCE_SQL = `
SELECT ctr_smoothed, days_since_seen, category_share, impressions, platform
FROM ml_features.ctr_categories_training
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ml_features.ctr_categories_training WHERE snapshot_date <= DATE(:snapshot_date))
`.trim();

/** Features of the requests the endpoint answered in the last seven days (payload logs). */
export const CTR_RECENT_REQUESTS_SQL = `
SELECT ctr_smoothed, days_since_seen, category_share, impressions, platform
FROM ml_logs.ctr_categories_requests
WHERE request_date BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 7 DAY) AND DATE(:snapshot_date)
`.trim();
