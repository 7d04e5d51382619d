import { artifact, component, configMapKey, param, secretKey } from '../dsl/index.ts';
import { images } from './images.ts';

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
  image: images.warehouseTools,
  inputs: {
    rows: artifact('Dataset'),
    table: param.string().describe('dataset.table to write.'),
    snapshotDate: param.string().describe('A date or an RFC 3339 time; its date part is the snapshot_date partition.'),
  },
  outputs: { rowCount: param.int() },
  command: (io) => [
    'warehouse-load',
    '--in', io.inputs.rows.path,
    '--table', io.inputs.table,
    '--partition', `snapshot_date:DATE:${io.inputs.snapshotDate}`,
    '--write', 'replace-partition',
    '--row-count-out', io.outputs.rowCount.path,
  ],
  env: {
    WAREHOUSE_URL: configMapKey('warehouse', 'url'),
    WAREHOUSE_TOKEN: secretKey('warehouse-credentials', 'token'),
  },
  resources: { cpu: '1', memory: '4Gi' },
  retry: { limit: 3, policy: 'OnError', backoff: { duration: '30s', factor: 2, max: '5m' } },
  timeout: '1h',
});
