/** Product impressions (recommendation slots, search results, category pages) and clicks. */
export const PRODUCT_INTERACTIONS_SQL = `
SELECT user_id, product_id, event_time, clicked
FROM analytics.product_impressions
WHERE event_date BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 60 DAY) AND DATE(:snapshot_date)
`.trim();

/**
 * Ranking candidates of one user shard: products co-viewed or co-bought with what the user
 * interacted with in the last 24 hours, plus their category's best sellers, with the interaction
 * features the ranker uses. `shard` may embed the loop item, completing the query per iteration.
 */
export function candidatesSql(shard: string, shards: number): string {
  return `
SELECT c.user_id, c.product_id, f.impressions, f.clicks, f.ctr_smoothed, f.days_since_seen, f.category_share,
       c.source, c.co_occurrence
FROM ml_features.product_ranking_candidates c
JOIN ml_features.user_product_interactions f USING (user_id, product_id)
WHERE c.candidate_time >= TIMESTAMP_SUB(TIMESTAMP(:snapshot_date), INTERVAL 24 HOUR)
  AND MOD(ABS(FARM_FINGERPRINT(c.user_id)), ${shards}) = ${shard}
`.trim();
}

/** Drift reference: interaction features of the latest training snapshot. */
export const RANKING_REFERENCE_SQL = `
SELECT impressions, clicks, ctr_smoothed, days_since_seen, category_share, platform
FROM ml_features.product_ranking_training
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ml_features.product_ranking_training WHERE snapshot_date <= DATE(:snapshot_date))
`.trim();

/** Drift current window: features of the ranking requests of the last day (payload logs). */
export const RANKING_RECENT_REQUESTS_SQL = `
SELECT impressions, clicks, ctr_smoothed, days_since_seen, category_share, platform
FROM ml_logs.product_ranker_requests
WHERE request_date BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 1 DAY) AND DATE(:snapshot_date)
`.trim();
