import { artifact, component, configMapKey, param, secretKey } from '../dsl/index.ts';
import { images } from './images.ts';

/**
 * Runs a SQL query against the warehouse for one snapshot date and writes the result as Parquet.
 * Cached per query and date: re-running a pipeline for the same day reuses the extract.
 *
 * @example
 * ```ts
 * const raw = p.task('extract', warehouseExtract, { sql: CTR_QUERY, snapshotDate: params.snapshotDate });
 * raw.outputs.table; // ArtifactRef<'Dataset'>
 * ```
 */
export const warehouseExtract = component('warehouse-extract', {
  description: 'Extract a warehouse query result for one snapshot date as Parquet.',
  image: images.warehouseExtract,
  inputs: {
    sql: param.string().describe('Query text; :snapshot_date is bound to snapshotDate.'),
    snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time (its date part is used).'),
  },
  outputs: { table: artifact('Dataset'), rowCount: param.int() },
  command: (io) => [
    'warehouse-extract',
    '--sql', io.inputs.sql,
    '--bind', `snapshot_date=${io.inputs.snapshotDate}`,
    '--format', 'parquet',
    '--out', io.outputs.table.path,
    '--row-count-out', io.outputs.rowCount.path,
  ],
  env: {
    WAREHOUSE_URL: configMapKey('warehouse', 'url'),
    WAREHOUSE_TOKEN: secretKey('warehouse-credentials', 'token'),
  },
  resources: { cpu: '1', memory: '4Gi' },
  retry: { limit: 3, policy: 'OnError', backoff: { duration: '30s', factor: 2, max: '5m' } },
  timeout: '1h',
  cache: { maxAge: '24h' },
});
