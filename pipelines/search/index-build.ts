import { buildVectorIndex, computeEmbeddings, warehouseExtract } from '../../components/index.ts';
import { ge, param, pipeline } from 'argosy';
import { platformOptions, promotionParams } from '../shared/platform.ts';
import { registerAndPromote } from '../shared/register-and-promote.ts';
import { CATALOG_SQL } from './queries.ts';

// The index is gated on recall against exact search, not against the serving index, so it takes no champion.
const { championVersion: _noChampion, ...indexPromotionParams } = promotionParams;

/** The product vector index served by the search endpoint, versioned in the registry like a model. */
export const SEARCH_INDEX = 'search-index';

/**
 * Search: embed the catalog, build the vector index and roll it out only when its recall@10
 * against exact search is high enough. The retriever's embedding model is a parameter so a new
 * model is an argument change, not a code change.
 */
export const indexBuild = pipeline(
  'search-index-build',
  {
    description: 'Embed the catalog and build the product vector index for search.',
    params: {
      snapshotDate: param.string().describe('Catalog as of this time: a date or an RFC 3339 time.'),
      embeddingModel: param.string().default('intfloat/multilingual-e5-base'),
      nlist: param.int().default(2048),
      minRecall: param.float().default(0.95).describe('Lowest recall@10 against exact search that may be rolled out.'),
      ...indexPromotionParams,
    },
    timeout: '6h',
    ...platformOptions,
  },
  (p, params) => {
    const catalog = p.task('extract-catalog', warehouseExtract, {
      sql: CATALOG_SQL,
      snapshotDate: params.snapshotDate,
    });
    const embed = p.task('embed', computeEmbeddings, {
      catalog: catalog.outputs.table,
      textColumns: ['title', 'brand', 'category_path', 'short_description'],
      model: params.embeddingModel,
    });
    const index = p.task('build-index', buildVectorIndex, {
      embeddings: embed.outputs.embeddings,
      nlist: params.nlist,
      nprobe: 32,
    });
    p.when(ge(index.outputs.recall, params.minRecall), (p) =>
      registerAndPromote(p, {
        registeredModel: SEARCH_INDEX,
        model: index.outputs.index,
        score: index.outputs.recall,
        metric: 'recall_at_10',
        promotion: params,
      }),
    );
  },
);
