import { app, cron, monitoring, runtime, schedule } from 'argosy';
import { settings } from '../environments.ts';
import { popularProducts } from './popular-products.ts';

/**
 * Popular products: a daily batch heuristic with no model to deploy; only its schedule is
 * watched.
 * @example
 * ```ts
 * project('dsrpmart', { apps: [popularProductsApp] });
 * ```
 */
export const popularProductsApp = app('popular-products', (env) => {
  const s = settings(env);
  const daily = schedule(popularProducts, {
    name: 'popular-products-daily',
    cron: cron.daily({ hour: 5 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '2h',
    history: { successful: 7, failed: 7 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, outputPrefix: `${s.dataBucket}/popular-products` },
  });
  return {
    description: 'Business picks plus best sellers per demographic segment, refreshed daily.',
    pipelines: [popularProducts],
    schedules: [daily],
    monitoring: [
      monitoring('popular-products', {
        model: 'popular-products',
        description: 'Popular products heuristic: the daily list must be refreshed.',
        schedules: [daily],
        labels: { team: 'merchandising' },
        ...s.alerting,
      }),
    ],
  };
});
