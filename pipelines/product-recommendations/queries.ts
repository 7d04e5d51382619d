import { INTERACTIONS_TABLE, RANKER_FEATURES, RANKER_TRAINING_TABLE } from './ranker-features.ts';

/** Product impressions (recommendation slots, search results, category pages) and clicks. */
export const PRODUCT_INTERACTIONS_SQL = `
SELECT user_id, product_id, event_time, clicked
FROM analytics.product_impressions
WHERE event_date BETWEEN DATE_SUB(@snapshot_date, INTERVAL 60 DAY) AND @snapshot_date
`.trim();

/**
 * Ranking candidates of one user shard: products co-viewed or co-bought with what the user
 * interacted with in the last 24 hours, plus their category's best sellers (`source` says which;
 * published with the ranking, not a model input), with the ranker's features from the latest
 * snapshot training wrote. `shard` may embed the loop item, completing the query per iteration.
 */
export function candidatesSql(shard: string, shards: number): string {
  return `
SELECT c.user_id, c.product_id, c.source, ${RANKER_FEATURES.map((f) => `f.${f}`).join(', ')}
FROM ml_features.product_ranking_candidates c
JOIN ${INTERACTIONS_TABLE} f USING (user_id, product_id)
WHERE c.candidate_time >= TIMESTAMP_SUB(@snapshot_time, INTERVAL 24 HOUR)
  AND f.snapshot_date = (SELECT MAX(snapshot_date) FROM ${INTERACTIONS_TABLE} WHERE snapshot_date <= @snapshot_date)
  AND MOD(ABS(FARM_FINGERPRINT(c.user_id)), ${shards}) = ${shard}
`.trim();
}

/** Drift reference: the rows the serving ranker was trained on (the snapshot training loaded last). */
export const RANKING_REFERENCE_SQL = `
SELECT ${RANKER_FEATURES.join(', ')}
FROM ${RANKER_TRAINING_TABLE}
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ${RANKER_TRAINING_TABLE} WHERE snapshot_date <= @snapshot_date)
`.trim();

/** Drift current window: features of the ranking requests of the last day (payload logs). */
export const RANKING_RECENT_REQUESTS_SQL = `
SELECT ${RANKER_FEATURES.join(', ')}
FROM ml_logs.product_ranker_requests
WHERE request_date BETWEEN DATE_SUB(@snapshot_date, INTERVAL 1 DAY) AND @snapshot_date
`.trim();
