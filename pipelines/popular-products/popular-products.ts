import { rankPopularProducts, warehouseExtract } from '../../components/index.ts';
import { param, pipeline } from 'argosy';
import { platformOptions } from '../shared/platform.ts';
import { BEST_SELLERS_SQL, PINNED_PRODUCTS_SQL } from './queries.ts';

/**
 * Popular products: a daily heuristic, no model. Business picks first, then the best sellers of
 * each demographic segment; the app shows the list of the user's segment.
 */
export const popularProducts = pipeline(
  'popular-products',
  {
    description: 'Daily popular-products list per demographic segment.',
    params: {
      snapshotDate: param.string().describe('Day the list is for: a date or an RFC 3339 time.'),
      listSize: param.int().default(30),
      outputPrefix: param.string().describe('Object-store prefix the lists are published under.'),
    },
    timeout: '1h',
    ...platformOptions,
  },
  (p, params) => {
    const sellers = p.task('extract-best-sellers', warehouseExtract, {
      sql: BEST_SELLERS_SQL,
      snapshotDate: params.snapshotDate,
    });
    const pinned = p.task('extract-pinned', warehouseExtract, {
      sql: PINNED_PRODUCTS_SQL,
      snapshotDate: params.snapshotDate,
    });
    p.task('rank', rankPopularProducts, {
      pinned: pinned.outputs.table,
      bestSellers: sellers.outputs.table,
      size: params.listSize,
      destination: `${params.outputPrefix}/snapshot=${params.snapshotDate}/popular.parquet`,
    });
  },
);
