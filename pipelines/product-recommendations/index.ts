import { app, cron, monitoring, runtime, schedule } from 'argosy';
import { promotionArgs, settings } from '../environments.ts';
import { driftSchedule } from '../shared/drift-check-pipeline.ts';
import { modelVersions } from '../shared/model-versions.ts';
import { batchRanking } from './batch-ranking.ts';
import { productRanker, RANKER_SLO } from './ranker-deployment.ts';
import { rankingDrift } from './ranking-drift.ts';
import { RANKER_MODEL, rankingTraining } from './ranking-training.ts';

/**
 * Product recommendations: trained nightly, candidate rankings refreshed every four hours, and a
 * real-time endpoint re-ranking them per request; a new ranker goes shadow first, then canary.
 * @example
 * ```ts
 * project('dsrpmart', { apps: [productRecommendations] });
 * ```
 */
export const productRecommendations = app('product-recommendations', (env) => {
  const s = settings(env);
  const batch = batchRanking(env);
  const training = schedule(rankingTraining, {
    name: 'product-ranking-training-daily',
    cron: cron.daily({ hour: 2 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '1h',
    history: { successful: 7, failed: 7 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, ...promotionArgs(env, RANKER_MODEL) },
  });
  const ranking = schedule(batch, {
    name: 'product-ranking-every-4h',
    cron: cron.everyHours(4, { minute: 15 }),
    timezone: 'Europe/Berlin',
    // A newer run supersedes a late one: rankings only need to be fresh.
    concurrency: 'replace',
    startingDeadline: '30m',
    history: { successful: 6, failed: 6 },
    suspend: s.suspendSchedules,
    args: {
      snapshotDate: runtime.scheduledTime,
      outputPrefix: `${s.dataBucket}/product-rankings`,
      modelVersion: modelVersions(env, RANKER_MODEL).serving.version,
    },
  });
  const drift = driftSchedule(rankingDrift, env, { hour: 6, minute: 30 });
  const ranker = productRanker(env);
  return {
    description: 'Learning-to-rank product recommendations, refreshed several times a day and served in real time.',
    pipelines: [rankingTraining, batch, rankingDrift.pipeline],
    schedules: [training, ranking, drift],
    deployments: [ranker],
    monitoring: [
      monitoring(RANKER_MODEL, {
        model: RANKER_MODEL,
        description: 'Product ranker: real-time endpoint, 4-hourly batch ranking, input drift, daily training.',
        deployment: ranker,
        endpoint: { latencyP99: `${RANKER_SLO.latencyP99}s`, errorRate: RANKER_SLO.errorRate },
        // The ranking server logs to ml_logs.product_ranker_requests, the drift check's current window.
        payloadLog: s.payloadSink,
        drift: { threshold: rankingDrift.scoreThreshold },
        schedules: [training, ranking, drift],
        scheduleGrace: '30m',
        labels: { team: 'personalization' },
        runbook: 'https://wiki.dsrpmart.io/ml/runbooks/product-recommendations',
        ...s.alerting,
      }),
    ],
  };
});
