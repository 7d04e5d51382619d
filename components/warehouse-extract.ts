import { artifact, component, param } from 'argosy';
import { WAREHOUSE_RUNTIME } from './warehouse-runtime.ts';

/**
 * The query parameters every warehouse query may use (BigQuery named parameters): the snapshot
 * day as a DATE and the snapshot instant as a TIMESTAMP, both from `snapshotDate`.
 */
export const WAREHOUSE_PARAMS = ['snapshot_date', 'snapshot_time'] as const;

/**
 * Runs a BigQuery Standard SQL query for one snapshot and writes the result as Parquet. The
 * query reads the snapshot through named parameters: `@snapshot_date` (DATE: the date part of
 * `snapshotDate` as written, so a scheduled time keeps its local day) and `@snapshot_time`
 * (TIMESTAMP: `snapshotDate` itself; midnight UTC when it is a date). Cached per query and
 * snapshot: re-running a pipeline for the same snapshot reuses the extract.
 *
 * @example
 * ```ts
 * const raw = p.task('extract', warehouseExtract, { sql: 'SELECT ... WHERE event_date <= @snapshot_date', snapshotDate: params.snapshotDate });
 * raw.outputs.table; // ArtifactRef<'Dataset'>
 * ```
 */
export const warehouseExtract = component('warehouse-extract', {
  description: 'Extract a warehouse query result for one snapshot date as Parquet.',
  ...WAREHOUSE_RUNTIME,
  inputs: {
    sql: param
      .string()
      .describe(
        'BigQuery Standard SQL; @snapshot_date (DATE) and @snapshot_time (TIMESTAMP) are bound from snapshotDate.',
      ),
    snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time.'),
  },
  outputs: { table: artifact('Dataset'), rowCount: param.int() },
  command: (io) => [
    'warehouse-extract',
    '--sql',
    io.inputs.sql,
    '--parameter',
    `snapshot_date:DATE:${io.inputs.snapshotDate}`,
    '--parameter',
    `snapshot_time:TIMESTAMP:${io.inputs.snapshotDate}`,
    '--format',
    'parquet',
    '--out',
    io.outputs.table.path,
    '--row-count-out',
    io.outputs.rowCount.path,
  ],
  cache: { maxAge: '24h' },
});
