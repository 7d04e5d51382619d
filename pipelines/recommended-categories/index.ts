import { app, cron, runtime, schedule, type Environment } from '../../dsl/index.ts';
import { ctrTraining } from './ctr-training.ts';

/** Weekly retraining, Monday 03:00 Berlin time, on data up to the scheduled day. */
export const ctrWeekly = schedule(ctrTraining, {
  name: 'ctr-training-weekly',
  cron: cron.weekly({ day: 'mon', hour: 3 }),
  timezone: 'Europe/Berlin',
  concurrency: 'forbid',
  startingDeadline: '1h',
  history: { successful: 4, failed: 4 },
  args: { snapshotDate: `${runtime.scheduledTime}` },
});

/**
 * Recommended categories: the CTR model behind the category carousel.
 * @example
 * ```ts
 * project('dsrpmart', { apps: [recommendedCategories] });
 * ```
 */
export const recommendedCategories = app('recommended-categories', (_env: Environment) => ({
  description: 'CTR model selecting the most relevant categories per user.',
  pipelines: [ctrTraining],
  schedules: [ctrWeekly],
}));
