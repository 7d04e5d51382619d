import { app, cron, monitoring, runtime, schedule } from 'argosy';
import { promotionArgs, settings } from '../environments.ts';
import { driftSchedule } from '../shared/drift-check-pipeline.ts';
import { modelVersions } from '../shared/model-versions.ts';
import { discountDrift } from './discount-drift.ts';
import { discountPredictions } from './discount-predictions.ts';
import { DISCOUNT_MODEL, discountTraining } from './discount-training.ts';
import { discountOptimizer, DISCOUNT_SLO } from './optimizer-deployment.ts';

/**
 * Personalized discounts: weekly training on Sunday night, weekly batch predictions on Monday
 * morning (offers run Monday to Sunday), a daily drift check, and a real-time endpoint for the
 * pairs the batch did not score, where new versions go through champion/challenger.
 * @example
 * ```ts
 * project('dsrpmart', { apps: [discounts] });
 * ```
 */
export const discounts = app('discounts', (env) => {
  const s = settings(env);
  const training = schedule(discountTraining, {
    name: 'discount-training-weekly',
    cron: cron.weekly({ day: 'sun', hour: 22 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '2h',
    history: { successful: 4, failed: 4 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, ...promotionArgs(env, DISCOUNT_MODEL) },
  });
  const predictions = schedule(discountPredictions, {
    name: 'discount-predictions-weekly',
    cron: cron.weekly({ day: 'mon', hour: 4 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '2h',
    history: { successful: 4, failed: 4 },
    suspend: s.suspendSchedules,
    args: {
      snapshotDate: runtime.scheduledTime,
      outputPrefix: `${s.dataBucket}/discounts`,
      modelVersion: modelVersions(env, DISCOUNT_MODEL).serving.version,
    },
  });
  const drift = driftSchedule(discountDrift, env, { hour: 6, minute: 10 });
  const optimizer = discountOptimizer(env);
  return {
    description: 'Optimization model picking the best discount per customer and selected product.',
    pipelines: [discountTraining, discountPredictions, discountDrift.pipeline],
    schedules: [training, predictions, drift],
    deployments: [optimizer],
    monitoring: [
      monitoring(DISCOUNT_MODEL, {
        model: DISCOUNT_MODEL,
        description: 'Discount optimizer: real-time endpoint, weekly batch predictions, input drift, weekly training.',
        deployment: optimizer,
        endpoint: { latencyP99: `${DISCOUNT_SLO.latencyP99}s`, errorRate: DISCOUNT_SLO.errorRate },
        // Champion and challenger payloads land in ml_logs.discount_optimizer_requests for offline comparison.
        payloadLog: s.payloadSink,
        drift: { threshold: discountDrift.scoreThreshold },
        schedules: [training, predictions, drift],
        labels: { team: 'pricing' },
        runbook: 'https://wiki.dsrpmart.io/ml/runbooks/discounts',
        ...s.alerting,
      }),
    ],
  };
});
