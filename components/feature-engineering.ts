import { artifact, component, param } from '../dsl/index.ts';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * Turns raw interaction rows into model features: per-user category affinities, recency and
 * frequency, with a time-based train/holdout split.
 *
 * @example
 * ```ts
 * const features = p.task('features', featureEngineering, { raw: raw.outputs.table, holdoutDays: 7 });
 * ```
 */
export const featureEngineering = component('feature-engineering', {
  description: 'Build CTR features and a time-based train/holdout split.',
  image: images.mlBase,
  inputs: {
    raw: artifact('Dataset'),
    holdoutDays: param.int().default(7),
  },
  outputs: { train: artifact('Dataset'), holdout: artifact('Dataset'), featureCount: param.int() },
  script: { source: readScript('feature_engineering.py') },
  resources: { cpu: '2', memory: '8Gi' },
  timeout: '2h',
});
