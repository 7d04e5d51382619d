import { driftCheckPipeline } from '../shared/drift-check-pipeline.ts';
import { CTR_FEATURES, CTR_MODEL } from './ctr-features.ts';
import { ctrTraining } from './ctr-training.ts';
import { CTR_RECENT_REQUESTS_SQL, CTR_REFERENCE_SQL } from './queries.ts';

/** Daily drift check of the CTR model's request features; retrains it off-cycle when they moved. */
export const ctrDrift = driftCheckPipeline({
  name: 'ctr-drift',
  model: CTR_MODEL,
  referenceSql: CTR_REFERENCE_SQL,
  currentSql: CTR_RECENT_REQUESTS_SQL,
  features: { numeric: [...CTR_FEATURES] },
  thresholds: { features: { impressions: { psi: 0.25 } } },
  scoreThreshold: 0.3,
  retrain: (p, args) => p.submit('retrain', ctrTraining, args),
});
