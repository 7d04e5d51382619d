import { CTR_FEATURES, CTR_TRAINING_TABLE } from './ctr-features.ts';

/** Impressions of category carousels in the app, with whether the user clicked. */
export const CTR_EVENTS_SQL = `
SELECT user_id, category_id, event_time, clicked
FROM analytics.category_impressions
WHERE event_date BETWEEN DATE_SUB(@snapshot_date, INTERVAL 90 DAY) AND @snapshot_date
`.trim();

/** Features the serving model was trained on: the training snapshot `ctr-training` loaded last. */
export const CTR_REFERENCE_SQL = `
SELECT ${CTR_FEATURES.join(', ')}
FROM ${CTR_TRAINING_TABLE}
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ${CTR_TRAINING_TABLE} WHERE snapshot_date <= @snapshot_date)
`.trim();

/** Features of the requests the endpoint answered in the last seven days (payload logs). */
export const CTR_RECENT_REQUESTS_SQL = `
SELECT ${CTR_FEATURES.join(', ')}
FROM ml_logs.ctr_categories_requests
WHERE request_date BETWEEN DATE_SUB(@snapshot_date, INTERVAL 7 DAY) AND @snapshot_date
`.trim();
