import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { SEARCH_INDEX } from './index-build.ts';
import { QUERY_RECENT_SQL, QUERY_REFERENCE_SQL } from './queries.ts';

/**
 * Drift of what users search for (query shape, language, where results land) against the week
 * before. Alert only: the index is already rebuilt every night from the current catalog, and a
 * rebuild from the same catalog with the same embedding model would not respond to a new query
 * mix. What does (fine-tuning the embedding model on recent queries and clicks, adding a
 * language) needs relevance judgements and an offline evaluation, so the alert sends the search
 * team to the runbook instead of starting a pipeline.
 */
export const queryDrift = driftCheckPipeline({
  name: 'search-drift',
  model: SEARCH_INDEX,
  referenceSql: QUERY_REFERENCE_SQL,
  currentSql: QUERY_RECENT_SQL,
  features: {
    numeric: ['query_length', 'token_count', 'result_count', 'top_score'],
    categorical: ['language', 'top_category'],
  },
  thresholds: { features: { top_category: { psi: 0.3, cramers_v: 0.15 } } },
  scoreThreshold: 0.34,
});
