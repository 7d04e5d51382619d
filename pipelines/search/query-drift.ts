import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { indexBuild, SEARCH_INDEX } from './index-build.ts';
import { QUERY_RECENT_SQL, QUERY_REFERENCE_SQL } from './queries.ts';

/**
 * Drift of what users search for (query shape, language, where results land) against the week
 * the index was built for; a drifted query mix rebuilds the index from the current catalog.
 */
export const queryDrift = driftCheckPipeline({
  name: 'search-drift',
  model: SEARCH_INDEX,
  referenceSql: QUERY_REFERENCE_SQL,
  currentSql: QUERY_RECENT_SQL,
  features: { numeric: ['query_length', 'token_count', 'result_count', 'top_score'], categorical: ['language', 'top_category'] },
  thresholds: { features: { top_category: { psi: 0.3, chi2_pvalue: 0.001 } } },
  scoreThreshold: 0.34,
  retrain: (p, { championVersion: _noChampion, ...args }) => p.submit('rebuild-index', indexBuild, args),
});
