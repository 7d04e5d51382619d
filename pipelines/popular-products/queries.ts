/** Units sold per product and demographic segment over the last 14 days, with stock state. */
export const BEST_SELLERS_SQL = `
SELECT u.segment, o.product_id, SUM(o.quantity) AS units_sold, ANY_VALUE(s.in_stock) AS in_stock
FROM sales.order_lines o
JOIN crm.user_segments u USING (user_id)
JOIN inventory.stock_levels s USING (product_id)
WHERE DATE(o.ordered_at) BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 14 DAY) AND DATE(:snapshot_date)
GROUP BY u.segment, o.product_id
`.trim();

/** Products merchandising pins per segment ('*' for everyone), active on the snapshot day. */
export const PINNED_PRODUCTS_SQL = `
SELECT segment, product_id, priority
FROM merchandising.pinned_products
WHERE DATE(:snapshot_date) BETWEEN valid_from AND valid_to
`.trim();
