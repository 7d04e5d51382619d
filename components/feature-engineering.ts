import { artifact, component, param } from 'argosy';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * The features `feature-engineering` computes per (user, item) pair (`FEATURES` in
 * scripts/feature_engineering.py; a test keeps the two lists equal).
 */
export const INTERACTION_FEATURES = [
  'impressions',
  'clicks',
  'ctr_smoothed',
  'days_since_seen',
  'impression_share',
] as const;

/** One of {@link INTERACTION_FEATURES}. */
export type InteractionFeature = (typeof INTERACTION_FEATURES)[number];

/**
 * Turns raw interaction rows into model features: per-user item affinities (smoothed CTR, share
 * of the user's impressions), recency and frequency, with a time-based train/holdout split.
 * Items are categories by default; pass `itemColumn: 'product_id'` for product ranking. Every
 * output has `user_id`, the item column and exactly the requested `features`; `train` and
 * `holdout` add `label`. `latest` holds the features of every pair as of the end of the data,
 * computed by the same code: what the model is scored with.
 *
 * @example
 * ```ts
 * const features = p.task('features', featureEngineering, { raw: raw.outputs.table, features: ['ctr_smoothed', 'impressions'], holdoutDays: 7 });
 * ```
 */
export const featureEngineering = component('feature-engineering', {
  description: 'Build user-item interaction features and a time-based train/holdout split.',
  image: images.mlBase,
  inputs: {
    raw: artifact('Dataset'),
    features: param
      .list<InteractionFeature>()
      .describe(
        'Features to write, in order (a subset of impressions, clicks, ctr_smoothed, days_since_seen, impression_share).',
      ),
    holdoutDays: param.int().default(7),
    itemColumn: param.string().default('category_id').describe('Column identifying the item the user interacted with.'),
    labelColumn: param.string().default('clicked').describe('0/1 column: whether the impression was clicked.'),
  },
  outputs: {
    train: artifact('Dataset'),
    holdout: artifact('Dataset'),
    latest: artifact('Dataset').describe('Unlabelled features of every pair as of the end of the data, for scoring.'),
    featureCount: param.int(),
  },
  script: { source: readScript('feature_engineering.py') },
  resources: { cpu: '2', memory: '8Gi' },
  timeout: '2h',
});
