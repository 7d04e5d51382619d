import { artifact, component, param } from '../dsl/index.ts';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * Turns raw interaction rows into model features: per-user item affinities (smoothed CTR, share
 * of the user's impressions), recency and frequency, with a time-based train/holdout split.
 * Items are categories by default; pass `itemColumn: 'product_id'` for product ranking.
 *
 * @example
 * ```ts
 * const features = p.task('features', featureEngineering, { raw: raw.outputs.table, holdoutDays: 7 });
 * ```
 */
export const featureEngineering = component('feature-engineering', {
  description: 'Build user-item interaction features and a time-based train/holdout split.',
  image: images.mlBase,
  inputs: {
    raw: artifact('Dataset'),
    holdoutDays: param.int().default(7),
    itemColumn: param.string().default('category_id').describe('Column identifying the item the user interacted with.'),
    labelColumn: param.string().default('clicked').describe('0/1 column: whether the impression was clicked.'),
  },
  outputs: { train: artifact('Dataset'), holdout: artifact('Dataset'), featureCount: param.int() },
  script: { source: readScript('feature_engineering.py') },
  resources: { cpu: '2', memory: '8Gi' },
  timeout: '2h',
});
