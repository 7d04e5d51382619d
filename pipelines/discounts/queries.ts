/**
 * Past personal offers: one row per (customer, product, discount level) shown, with the features
 * known at that time and whether the customer bought within the offer week. History ends where
 * the 28-day holdout starts, so the backtest scores weeks the model never saw.
 */
const OFFER_ROWS = `
SELECT o.user_id, o.product_id, o.discount_pct, o.offer_time AS event_time,
       f.price, f.margin_rate, f.category_affinity, f.days_since_last_purchase, f.purchases_90d,
       f.product_views_30d, f.basket_value_avg, f.customer_segment,
       CAST(o.purchased_within_7d AS INT64) AS label
FROM marketing.personal_offers o
JOIN ml_features.discount_offer_features f USING (offer_id)
`.trim();

export const DISCOUNT_HISTORY_SQL = `${OFFER_ROWS}
WHERE DATE(o.offer_time) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 208 DAY) AND DATE_SUB(@snapshot_date, INTERVAL 29 DAY)`;

export const DISCOUNT_HOLDOUT_SQL = `${OFFER_ROWS}
WHERE DATE(o.offer_time) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 28 DAY) AND @snapshot_date`;

/**
 * This week's candidates: every customer with one of their selected products (recent purchases'
 * complements and categories of interest), crossed with the discount levels the business allows,
 * and the margin left at each level. The optimizer keeps the level with the best expected margin;
 * the product name travels along for the notification copy.
 */
export const DISCOUNT_CANDIDATES_SQL = `
SELECT c.user_id, c.product_id, p.title AS product_name, discount_pct,
       f.price, f.margin_rate, f.category_affinity, f.days_since_last_purchase, f.purchases_90d,
       f.product_views_30d, f.basket_value_avg, f.customer_segment,
       f.price * (f.margin_rate - discount_pct / 100) AS margin_after_discount
FROM ml_features.discount_candidates c
JOIN ml_features.discount_candidate_features f USING (user_id, product_id, snapshot_date)
JOIN catalog.products p USING (product_id)
CROSS JOIN UNNEST([0, 5, 10, 15, 20, 25]) AS discount_pct
WHERE c.snapshot_date = @snapshot_date
  AND f.margin_rate - discount_pct / 100 > 0.05
`.trim();

/** Drift current window: the features of the candidates scored over the last seven days. */
export const DISCOUNT_RECENT_SQL = `
SELECT price, margin_rate, category_affinity, days_since_last_purchase, purchases_90d, product_views_30d, basket_value_avg, customer_segment
FROM ml_features.discount_candidate_features
WHERE snapshot_date BETWEEN DATE_SUB(@snapshot_date, INTERVAL 7 DAY) AND @snapshot_date
`.trim();
