import { batchPredict, warehouseExtract } from '../../components/index.ts';
import { param, pipeline, type Environment } from 'argosy';
import { settings } from '../environments.ts';
import { platformOptions } from '../shared/platform.ts';
import { candidatesSql } from './queries.ts';
import { RANKER_FEATURES, RANKER_MODEL } from './ranker-features.ts';

/**
 * Product recommendations: the ranking refreshed several times a day. Users are split into
 * shards scored in parallel (how many depends on the environment); each shard keeps the top 50
 * products per user and publishes them to the store the real-time endpoint reads as candidates.
 */
export function batchRanking(env: Environment) {
  const { count, parallelism } = settings(env).rankingShards;
  const shards = Array.from({ length: count }, (_, i) => String(i));
  return pipeline(
    'product-ranking-batch',
    {
      description: `Score fresh candidates for every user in ${count} parallel shards and publish the top 50.`,
      params: {
        snapshotDate: param.string().describe('Scoring time: an RFC 3339 time; candidates of the 24 hours before it.'),
        outputPrefix: param.string().describe('Object-store prefix of the published rankings.'),
        modelVersion: param
          .string()
          .describe('Registered version to score with: the serving version of pipelines/model-versions.json.'),
      },
      timeout: '2h',
      ...platformOptions,
    },
    (p, params) => {
      p.forEach(
        'shards',
        shards,
        (p, shard) => {
          const candidates = p.task('extract-candidates', warehouseExtract, {
            sql: candidatesSql(`${shard}`, count),
            snapshotDate: params.snapshotDate,
          });
          p.task('rank', batchPredict, {
            dataset: candidates.outputs.table,
            registeredModel: RANKER_MODEL,
            version: params.modelVersion,
            features: [...RANKER_FEATURES],
            groupBy: ['user_id'],
            topK: 50,
            destination: `${params.outputPrefix}/snapshot=${params.snapshotDate}/shard=${shard}.parquet`,
          });
        },
        { parallelism },
      );
    },
  );
}
