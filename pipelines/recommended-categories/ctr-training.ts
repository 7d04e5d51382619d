import { championGate, featureEngineering, registerModel, trainXgboost, warehouseExtract } from '../../components/index.ts';
import { eq, param, pipeline } from '../../dsl/index.ts';

/** Impressions of category carousels in the app, with whether the user clicked. */
export const CTR_EVENTS_SQL = `
SELECT user_id, category_id, event_time, clicked
FROM analytics.category_impressions
WHERE event_date BETWEEN DATE_SUB(DATE(:snapshot_date), INTERVAL 90 DAY) AND DATE(:snapshot_date)
`.trim();

/**
 * Recommended categories: weekly training of the CTR model that ranks categories per user.
 * extract -> features -> train -> champion gate -> register (only when the challenger wins).
 */
export const ctrTraining = pipeline(
  'ctr-training',
  {
    description: 'Weekly training of the category CTR model with a champion/challenger gate.',
    params: {
      snapshotDate: param.string().describe('Last day of data: a date or an RFC 3339 time.'),
      learningRate: param.float().default(0.05),
      maxDepth: param.int().default(6),
      minLift: param.float().default(0.002).describe('AUC points the challenger must gain over the champion.'),
    },
    serviceAccount: 'ml-pipelines',
    timeout: '8h',
    ttlAfterFinished: '168h',
    podGC: 'OnPodSuccess',
    artifactRepository: { configMap: 'artifact-repositories', key: 'ml-artifacts' },
  },
  (p, params) => {
    const extract = p.task('extract', warehouseExtract, { sql: CTR_EVENTS_SQL, snapshotDate: params.snapshotDate });
    const features = p.task('features', featureEngineering, { raw: extract.outputs.table });
    const train = p.task('train', trainXgboost, {
      dataset: features.outputs.train,
      holdout: features.outputs.holdout,
      learningRate: params.learningRate,
      maxDepth: params.maxDepth,
    });
    const gate = p.task('evaluate', championGate, {
      predictions: train.outputs.predictions,
      registeredModel: 'ctr-categories',
      metric: 'auc',
      minLift: params.minLift,
      minScore: 0.6,
    });
    p.when(eq(gate.outputs.promote, true), (p) => {
      p.task('register', registerModel, {
        model: train.outputs.model,
        registeredModel: 'ctr-categories',
        score: gate.outputs.challengerScore,
        metric: 'auc',
      });
    });
  },
);
