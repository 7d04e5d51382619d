import { cron } from '../../dsl/index.ts';
import { dsl, type MisuseCase } from './case.ts';

/**
 * DSL inputs a review found accepted silently or crashing: each is now a DslError naming the
 * object and field. Kept apart from dsl-cases.ts so cases added there and here merge cleanly.
 */
export const DSL_INPUT_CASES: readonly MisuseCase[] = [
  // Cron helpers.
  dsl('cron.daily hour 25', () => cron.daily({ hour: 25 }), [
    '✗ cron.daily() > hour: expected a whole number from 0 to 23 (got 25). Use e.g. hour: 3.',
  ]),
  dsl('cron.hourly minute 60', () => cron.hourly({ minute: 60 }), [
    '✗ cron.hourly() > minute: expected a whole number from 0 to 59 (got 60). Use e.g. minute: 30.',
  ]),
  dsl('cron.weekly day 8', () => cron.weekly({ day: 8 as never, hour: 3 }), [
    '✗ cron.weekly() > day: expected a weekday name (got 8). Use one of "sun", "mon", "tue", "wed", "thu", "fri", "sat".',
  ]),
  dsl('cron.monthly day 32', () => cron.monthly({ dayOfMonth: 32, hour: 3 }), [
    '✗ cron.monthly() > dayOfMonth: expected a whole number from 1 to 31 (got 32). Use e.g. dayOfMonth: 1.',
  ]),
  dsl('cron.everyHours 0', () => cron.everyHours(0), [
    '✗ cron.everyHours() > n: expected a whole number from 1 to 24 (got 0). Use e.g. cron.everyHours(4).',
  ]),
  dsl('cron.dailyAt hour 24', () => cron.dailyAt([9, 24]), [
    '✗ cron.dailyAt() > hoursOfDay[1]: expected a whole number from 0 to 23 (got 24). Use e.g. 3.',
  ]),
];
