import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { SENDS_HISTORY_SQL, RECENT_CANDIDATES_SQL } from './queries.ts';
import { SELECTION_MODEL, selectionTraining } from './selection-training.ts';

/** Drift of the composed candidates against the sends the selection model learned from. */
export const notificationDrift = driftCheckPipeline({
  name: 'notification-drift',
  model: SELECTION_MODEL,
  referenceSql: SENDS_HISTORY_SQL,
  currentSql: RECENT_CANDIDATES_SQL,
  features: { numeric: ['relevance', 'slot_affinity', 'days_since_last_purchase', 'purchases_90d'], categorical: ['slot', 'kind'] },
  thresholds: { default: { psi: 0.25 } },
  scoreThreshold: 0.34,
  retrain: (p, args) => p.submit('retrain', selectionTraining, args),
});
