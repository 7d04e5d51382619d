import { artifact, component, configMapKey, param, secretKey } from '../../dsl/index.ts';
import type { LibraryOptions } from './options.ts';
import { readScript } from './read-script.ts';

/**
 * Scores a dataset with a registered model version (or the one behind an alias), optionally
 * keeping the top `topK` rows per `groupBy` key ranked by score, or by expected value
 * `score * valueColumn`. The model gets exactly the `features` columns (the list its training
 * pipeline gave the trainer; a missing column fails the run, and so does a model whose MLflow
 * signature names other columns); all other columns are carried through. Publishes the result
 * to `destination` (an object-store URI) for the services that read it, and always as the
 * `predictions` artifact: the input columns plus `score`, `ranking_score`, `rank` (with topK)
 * and `model_uri`.
 *
 * @example
 * ```ts
 * import * as components from 'argosy/components';
 * const batchPredict = components.batchPredict({ image: 'registry.example.com/ml-base:3.12' });
 * p.task('score', batchPredict, { dataset: candidates.outputs.table, registeredModel: 'product-ranker', features: RANKER_FEATURES, groupBy: ['user_id'], topK: 50 });
 * ```
 */
export function batchPredict(opts: LibraryOptions) {
  return component('batch-predict', {
    description: 'Score a dataset with a registered model and publish the predictions.',
    image: opts.image,
    inputs: {
      dataset: artifact('Dataset'),
      registeredModel: param.string(),
      version: param
        .string()
        .default('')
        .describe(
          'Registered version to load (the serving version of pipelines/model-versions.json); empty: the alias.',
        ),
      alias: param.string().default('champion').describe('Registry alias to load when no version is given.'),
      features: param.list<string>().describe('Model input columns, in the order the model was trained on.'),
      groupBy: param.json<string[]>().default([]).describe('Key columns; with topK, rows are ranked within each key.'),
      topK: param.int().default(0).describe('Rows to keep per group; 0 keeps every row.'),
      valueColumn: param
        .string()
        .default('')
        .describe('Rank by score * this column (expected value) instead of score.'),
      destination: param
        .string()
        .default('')
        .describe('Object-store URI to publish the Parquet file to; empty to skip.'),
    },
    outputs: { predictions: artifact('Dataset'), rowCount: param.int() },
    script: { source: readScript('batch_predict.py') },
    env: {
      MLFLOW_TRACKING_URI: configMapKey('mlflow', 'tracking-uri'),
      MLFLOW_TRACKING_TOKEN: secretKey('mlflow-credentials', 'token'),
      AWS_ACCESS_KEY_ID: secretKey('object-store-credentials', 'access-key-id'),
      AWS_SECRET_ACCESS_KEY: secretKey('object-store-credentials', 'secret-access-key'),
      ...opts.env,
    },
    resources: opts.resources ?? { cpu: '4', memory: '16Gi' },
    retry: { limit: 2, policy: 'OnError', backoff: { duration: '1m', factor: 2 } },
    timeout: '3h',
  });
}
