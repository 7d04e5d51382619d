import { artifact, component, param } from 'argosy';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * The popular-products heuristic: merchandising's pinned products first (per segment, or `*` for
 * all), then the segment's best sellers by units, skipping out-of-stock and duplicates.
 *
 * @example
 * ```ts
 * p.task('rank', rankPopularProducts, { pinned: pins.outputs.table, bestSellers: sellers.outputs.table, size: 30 });
 * ```
 */
export const rankPopularProducts = component('rank-popular-products', {
  description: 'Rank popular products per demographic segment: business picks, then best sellers.',
  image: images.mlBase,
  inputs: {
    pinned: artifact('Dataset').describe('segment, product_id, priority.'),
    bestSellers: artifact('Dataset').describe('segment, product_id, units_sold, in_stock.'),
    size: param.int().default(20),
    destination: param.string().default('').describe('Object-store URI to publish the ranking to; empty to skip.'),
  },
  outputs: { ranking: artifact('Dataset'), segmentCount: param.int() },
  script: { source: readScript('rank_popular.py') },
  resources: { cpu: '1', memory: '4Gi' },
  timeout: '30m',
});
