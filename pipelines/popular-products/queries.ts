/**
 * Units sold per product and demographic segment over the last 14 days, with whether any
 * warehouse has the product in stock on the snapshot day. Sales are summed before the stock
 * join, and stock is one row per product (that day's snapshot, over all warehouses), so neither
 * the stock history nor several warehouses multiply the units.
 */
export const BEST_SELLERS_SQL = `
WITH sales AS (
  SELECT u.segment, o.product_id, SUM(o.quantity) AS units_sold
  FROM sales.order_lines o
  JOIN crm.user_segments u USING (user_id)
  WHERE DATE(o.ordered_at) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 14 DAY) AND @snapshot_date
  GROUP BY u.segment, o.product_id
),
stock AS (
  SELECT product_id, LOGICAL_OR(s.available_units > 0) AS in_stock
  FROM inventory.stock_levels s
  WHERE s.snapshot_date = @snapshot_date
  GROUP BY product_id
)
SELECT sales.segment, sales.product_id, sales.units_sold, COALESCE(stock.in_stock, FALSE) AS in_stock
FROM sales
LEFT JOIN stock USING (product_id)
`.trim();

/** Products merchandising pins per segment ('*' for everyone), active on the snapshot day. */
export const PINNED_PRODUCTS_SQL = `
SELECT segment, product_id, priority
FROM merchandising.pinned_products
WHERE @snapshot_date BETWEEN valid_from AND valid_to
`.trim();
