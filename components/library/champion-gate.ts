import { artifact, component, configMapKey, param } from '../../dsl/index.ts';
import type { LibraryOptions } from './options.ts';
import { readScript } from './read-script.ts';

/**
 * The champion/challenger offline gate: scores the challenger's holdout predictions, reads the
 * score of the champion (the registered `championVersion` serving in this environment, from
 * pipelines/model-versions.json) from the MLflow registry and promotes only when the challenger
 * beats it by `minLift` (absolute, in metric units). With no champion yet (`championVersion`
 * empty), the challenger must only reach `minScore`. `ndcg` is NDCG@k per `groupColumn` value
 * (each user's or query's ranked list), averaged over the groups that have a relevant row.
 *
 * @example
 * ```ts
 * import * as components from 'argosy/components';
 * const championGate = components.championGate({ image: 'registry.example.com/ml-base:3.12' });
 * const gate = p.task('gate', championGate, {
 *   predictions: train.outputs.predictions, registeredModel: 'ctr-categories', championVersion: params.championVersion, minLift: 0.002,
 * });
 * p.when(eq(gate.outputs.promote, true), (p) => { ... });
 * ```
 */
export function championGate(opts: LibraryOptions) {
  return component('champion-gate', {
    description: 'Compare a challenger with the registered champion on the holdout set.',
    image: opts.image,
    inputs: {
      predictions: artifact('Dataset').describe(
        'Holdout rows with columns label and score (and groupColumn for ndcg).',
      ),
      registeredModel: param.string(),
      championVersion: param.string().describe('Registered version serving today; empty when there is none yet.'),
      metric: param.string().enum(['auc', 'logloss', 'ndcg']).default('auc'),
      groupColumn: param
        .string()
        .default('')
        .describe('For ndcg: the column whose rows form one ranked list (user or query); required there.'),
      k: param.int().default(10).describe('For ndcg: the list depth scored.'),
      minLift: param.float().default(0.0),
      minScore: param.float().default(0.5),
    },
    outputs: {
      promote: param.bool(),
      challengerScore: param.float(),
      championScore: param.float(),
      report: artifact('Metrics'),
    },
    script: { source: readScript('champion_gate.py') },
    env: { MLFLOW_TRACKING_URI: configMapKey('mlflow', 'tracking-uri'), ...opts.env },
    resources: opts.resources ?? { cpu: '2', memory: '8Gi' },
    timeout: '1h',
  });
}
