import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { RECENT_SENDS_SQL, SENDS_HISTORY_SQL } from './queries.ts';
import { SELECTION_MODEL, selectionTraining } from './selection-training.ts';

/** Drift of this week's sends against the sends the selection model learned from. */
export const notificationDrift = driftCheckPipeline({
  name: 'notification-drift',
  model: SELECTION_MODEL,
  referenceSql: SENDS_HISTORY_SQL,
  currentSql: RECENT_SENDS_SQL,
  features: {
    numeric: ['relevance', 'slot_affinity', 'days_since_last_purchase', 'purchases_90d'],
    categorical: ['slot', 'kind', 'day_of_week'],
  },
  thresholds: { default: { psi: 0.25 } },
  scoreThreshold: 0.34,
  retrain: (p, args) => p.submit('retrain', selectionTraining, args),
});
