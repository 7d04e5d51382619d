import { artifact, component, param } from 'argosy';
import { WAREHOUSE_RUNTIME } from './warehouse-runtime.ts';

/**
 * Loads a Parquet dataset into a warehouse table, partitioned by `snapshot_date` (the date part
 * of `snapshotDate`, added as a column). A load replaces the partition an earlier load of the
 * same snapshot wrote, so a retried or re-run step never duplicates rows. This
 * is how pipelines publish what other pipelines read: training snapshots for the drift checks,
 * serving features for batch scoring, predictions for downstream use cases.
 *
 * @example
 * ```ts
 * p.task('load-predictions', warehouseLoad, { rows: score.outputs.predictions, table: 'ml_outputs.discount_predictions', snapshotDate: params.snapshotDate });
 * ```
 */
export const warehouseLoad = component('warehouse-load', {
  description: 'Load a dataset into a snapshot partition of a warehouse table.',
  ...WAREHOUSE_RUNTIME,
  inputs: {
    rows: artifact('Dataset'),
    table: param.string().describe('dataset.table to write.'),
    snapshotDate: param.string().describe('A date or an RFC 3339 time; its date part is the snapshot_date partition.'),
  },
  outputs: { rowCount: param.int() },
  command: (io) => [
    'warehouse-load',
    '--in',
    io.inputs.rows.path,
    '--table',
    io.inputs.table,
    '--partition',
    `snapshot_date:DATE:${io.inputs.snapshotDate}`,
    '--write',
    'replace-partition',
    '--row-count-out',
    io.outputs.rowCount.path,
  ],
});
