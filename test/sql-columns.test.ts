import { describe, expect, it } from 'vitest';
import { columnsRead, queryParameters, selectedColumns, tablesRead } from './sql-columns.ts';

const JOINED = `
WITH recent AS (SELECT user_id, MAX(event_time) AS last_seen FROM analytics.events WHERE event_date = @snapshot_date GROUP BY user_id)
SELECT c.user_id, c.product_id, f.ctr_smoothed, f.price * (1 - d / 100) AS net, COALESCE(r.last_seen, TIMESTAMP '2020-01-01') AS last_seen, discount_pct
FROM ml.candidates c
JOIN ml.features f USING (user_id, product_id)
LEFT JOIN recent r USING (user_id)
CROSS JOIN UNNEST([0, 5]) AS discount_pct
WHERE f.snapshot_date = (SELECT MAX(snapshot_date) FROM ml.features WHERE snapshot_date <= @snapshot_date)
`;

describe('SQL reading for the data-contract tests', () => {
  it('GIVEN a query with a CTE, joins and expressions WHEN its output is read THEN every column is named by alias or column', () => {
    expect(selectedColumns(JOINED)).toEqual([
      'user_id',
      'product_id',
      'ctr_smoothed',
      'net',
      'last_seen',
      'discount_pct',
    ]);
  });

  it('GIVEN SELECT * or an unnamed expression THEN it refuses instead of guessing', () => {
    expect(() => selectedColumns('SELECT * FROM a.b')).toThrow(/SELECT \* cannot be checked/);
    expect(() => selectedColumns('SELECT COUNT(1) FROM a.b')).toThrow(/without a name/);
  });

  it('GIVEN a query WHEN its tables are read THEN CTEs and UNNEST are not tables', () => {
    expect(tablesRead(JOINED)).toEqual(['analytics.events', 'ml.candidates', 'ml.features']);
  });

  it('GIVEN an aliased table WHEN its columns are read THEN alias references and USING columns count', () => {
    expect(columnsRead(JOINED, 'ml.features')).toEqual([
      'ctr_smoothed',
      'price',
      'product_id',
      'snapshot_date',
      'user_id',
    ]);
    expect(columnsRead(JOINED, 'ml.candidates')).toEqual(['product_id', 'user_id']);
  });

  it('GIVEN a query over one table without alias WHEN its columns are read THEN functions, keywords, parameters and output aliases are left out', () => {
    const sql = `SELECT user_id, ranking_score AS expected_value FROM ml.preds WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM ml.preds WHERE snapshot_date <= @snapshot_date) AND DATE(sent_at) BETWEEN DATE_SUB(@snapshot_date, INTERVAL 7 DAY) AND @snapshot_date`;
    expect(columnsRead(sql, 'ml.preds')).toEqual(['ranking_score', 'sent_at', 'snapshot_date', 'user_id']);
    expect(queryParameters(sql)).toEqual(['snapshot_date']);
  });

  it('GIVEN an unaliased table next to another THEN its columns cannot be told apart and it says so', () => {
    expect(() => columnsRead('SELECT a FROM x.one JOIN x.two USING (k)', 'x.one')).toThrow(/alias it/);
  });
});
