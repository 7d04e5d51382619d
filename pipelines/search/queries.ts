/** Every sellable product with the text the search embeddings are computed from. */
export const CATALOG_SQL = `
SELECT p.product_id, p.title, p.brand, p.category_path, p.short_description
FROM catalog.products p
WHERE p.status = 'active' AND p.updated_at <= @snapshot_time
`.trim();

/** Query features of the week before yesterday (the reference window). */
export const QUERY_REFERENCE_SQL = `
SELECT query_length, token_count, result_count, top_score, language, top_category
FROM ml_logs.search_requests
WHERE request_date BETWEEN DATE_SUB(@snapshot_date, INTERVAL 8 DAY) AND DATE_SUB(@snapshot_date, INTERVAL 2 DAY)
`.trim();

/** Query features of the last day. */
export const QUERY_RECENT_SQL = `
SELECT query_length, token_count, result_count, top_score, language, top_category
FROM ml_logs.search_requests
WHERE request_date = DATE_SUB(@snapshot_date, INTERVAL 1 DAY)
`.trim();
