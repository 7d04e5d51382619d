import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { RANKING_RECENT_REQUESTS_SQL, RANKING_REFERENCE_SQL } from './queries.ts';
import { RANKER_MODEL, rankingTraining } from './ranking-training.ts';

/** Drift of the ranker's request features against its training snapshot. */
export const rankingDrift = driftCheckPipeline({
  name: 'product-ranking-drift',
  model: RANKER_MODEL,
  referenceSql: RANKING_REFERENCE_SQL,
  currentSql: RANKING_RECENT_REQUESTS_SQL,
  features: { numeric: ['impressions', 'clicks', 'ctr_smoothed', 'days_since_seen', 'category_share'], categorical: ['platform'] },
  scoreThreshold: 0.3,
  retrain: (p, args) => p.submit('retrain', rankingTraining, args),
});
