import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { RANKING_RECENT_REQUESTS_SQL, RANKING_REFERENCE_SQL } from './queries.ts';
import { RANKER_FEATURES, RANKER_MODEL } from './ranker-features.ts';
import { rankingTraining } from './ranking-training.ts';

/** Drift of the ranker's request features against its training snapshot. */
export const rankingDrift = driftCheckPipeline({
  name: 'product-ranking-drift',
  model: RANKER_MODEL,
  referenceSql: RANKING_REFERENCE_SQL,
  currentSql: RANKING_RECENT_REQUESTS_SQL,
  features: { numeric: [...RANKER_FEATURES] },
  scoreThreshold: 0.3,
  retrain: (p, args) => p.submit('retrain', rankingTraining, args),
});
