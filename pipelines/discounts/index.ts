import { app, cron, monitoring, runtime, schedule } from '../../dsl/index.ts';
import { settings } from '../environments.ts';
import { driftSchedule } from '../shared/drift-check-pipeline.ts';
import { discountDrift } from './discount-drift.ts';
import { discountPredictions } from './discount-predictions.ts';
import { DISCOUNT_MODEL, discountTraining } from './discount-training.ts';

/**
 * Personalized discounts: weekly training on Sunday night, weekly batch predictions on Monday
 * morning (offers run Monday to Sunday), and a daily drift check.
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
    args: { snapshotDate: runtime.scheduledTime, ...s.promotion },
  });
  const predictions = schedule(discountPredictions, {
    name: 'discount-predictions-weekly',
    cron: cron.weekly({ day: 'mon', hour: 4 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '2h',
    history: { successful: 4, failed: 4 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, outputPrefix: `${s.dataBucket}/discounts` },
  });
  const drift = driftSchedule(discountDrift, env, { hour: 6, minute: 10 });
  return {
    description: 'Optimization model picking the best discount per customer and selected product.',
    pipelines: [discountTraining, discountPredictions, discountDrift.pipeline],
    schedules: [training, predictions, drift],
    monitoring: [
      monitoring(DISCOUNT_MODEL, {
        model: DISCOUNT_MODEL,
        description: 'Discount optimizer: weekly batch predictions, input drift, weekly training.',
        drift: { threshold: discountDrift.scoreThreshold },
        schedules: [training, predictions, drift],
        labels: { team: 'pricing' },
        runbook: 'https://wiki.dsrpmart.io/ml/runbooks/discounts',
        ...s.alerting,
      }),
    ],
  };
});
