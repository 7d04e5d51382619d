import { app, cron, monitoring, runtime, schedule } from 'argosy';
import { promotionArgs, settings } from '../environments.ts';
import { driftSchedule } from '../shared/drift-check-pipeline.ts';
import { ctrCategories, CTR_SLO } from './ctr-deployment.ts';
import { ctrDrift } from './ctr-drift.ts';
import { CTR_MODEL, ctrTraining } from './ctr-training.ts';

/**
 * Recommended categories: the CTR model behind the category carousel, served in real time and
 * retrained weekly (and when its inputs drift); a new version must win an A/B test on
 * click-through rate.
 * @example
 * ```ts
 * project('dsrpmart', { apps: [recommendedCategories] });
 * ```
 */
export const recommendedCategories = app('recommended-categories', (env) => {
  const s = settings(env);
  // Monday 03:00 Berlin time, on data up to the scheduled day.
  const weekly = schedule(ctrTraining, {
    name: 'ctr-training-weekly',
    cron: cron.weekly({ day: 'mon', hour: 3 }),
    timezone: 'Europe/Berlin',
    concurrency: 'forbid',
    startingDeadline: '1h',
    history: { successful: 4, failed: 4 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, ...promotionArgs(env, CTR_MODEL) },
  });
  const drift = driftSchedule(ctrDrift, env, { hour: 6 });
  const serving = ctrCategories(env);
  return {
    description: 'CTR model selecting the most relevant categories per user.',
    pipelines: [ctrTraining, ctrDrift.pipeline],
    schedules: [weekly, drift],
    deployments: [serving],
    monitoring: [
      monitoring(CTR_MODEL, {
        model: CTR_MODEL,
        description: 'Category CTR model: real-time endpoint, input drift, weekly training.',
        deployment: serving,
        endpoint: { latencyP99: `${CTR_SLO.latencyP99}s`, errorRate: CTR_SLO.errorRate },
        // Requests fill ml_logs.ctr_categories_requests (drift), responses ml_logs.ctr_categories_responses (notifications).
        payloadLog: s.payloadSink,
        drift: { threshold: ctrDrift.scoreThreshold },
        schedules: [weekly, drift],
        labels: { team: 'personalization' },
        runbook: 'https://wiki.dsrpmart.io/ml/runbooks/recommended-categories',
        ...s.alerting,
      }),
    ],
  };
});
