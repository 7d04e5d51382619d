import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cron } from './cron.ts';
import { cronIntervals } from './cron-period.ts';
import { DslError } from '../errors.ts';

const H = 3600;
const D = 24 * H;

describe('cronIntervals', () => {
  it('GIVEN a weekly cron WHEN analysed THEN every gap is seven days', () => {
    expect(cronIntervals(cron.weekly({ day: 'mon', hour: 3 }))).toEqual({ minSeconds: 7 * D, maxSeconds: 7 * D });
  });

  it('GIVEN two daily send times WHEN analysed THEN the gaps are the day split unevenly', () => {
    expect(cronIntervals(cron.dailyAt([9, 18]))).toEqual({ minSeconds: 9 * H, maxSeconds: 15 * H });
  });

  it('GIVEN several expressions WHEN analysed THEN their fire times are merged', () => {
    expect(cronIntervals(['0 9 * * *', '0 18 * * *'])).toEqual({ minSeconds: 9 * H, maxSeconds: 15 * H });
  });

  it('GIVEN every four hours at a minute WHEN analysed THEN the period is four hours', () => {
    expect(cronIntervals(cron.everyHours(4, { minute: 15 }))).toEqual({ minSeconds: 4 * H, maxSeconds: 4 * H });
  });

  it('GIVEN weekdays only WHEN analysed THEN the weekend gap is the longest', () => {
    expect(cronIntervals('30 2 * * 1-5')).toEqual({ minSeconds: D, maxSeconds: 3 * D });
  });

  it('GIVEN a monthly cron WHEN analysed THEN gaps follow month lengths', () => {
    expect(cronIntervals(cron.monthly({ dayOfMonth: 1, hour: 0 }))).toEqual({ minSeconds: 28 * D, maxSeconds: 31 * D });
  });

  it('GIVEN both day-of-month and day-of-week restricted WHEN analysed THEN either matches (robfig/cron)', () => {
    // The 1st of each month OR every Sunday: never more than a week apart.
    expect(cronIntervals('0 0 1 * sun').maxSeconds).toBeLessThanOrEqual(7 * D);
  });

  it('GIVEN a stepped day-of-week WHEN analysed THEN the step restricts the days', () => {
    // Sun, Tue, Thu, Sat: Saturday to Sunday is the only one-day gap.
    expect(cronIntervals('0 0 * * */2')).toEqual({ minSeconds: D, maxSeconds: 2 * D });
  });

  it('GIVEN descriptors WHEN analysed THEN they mean their five-field equivalents', () => {
    expect(cronIntervals('@daily')).toEqual({ minSeconds: D, maxSeconds: D });
    expect(cronIntervals('@hourly')).toEqual({ minSeconds: H, maxSeconds: H });
    expect(cronIntervals('@every 90m')).toEqual({ minSeconds: 90 * 60, maxSeconds: 90 * 60 });
  });

  it('GIVEN @every mixed with a calendar expression WHEN analysed THEN a DslError explains it', () => {
    expect(() => cronIntervals(['@every 1h', '0 3 * * *'])).toThrow(DslError);
  });

  it('GIVEN an invalid expression WHEN analysed THEN the cron error names the path', () => {
    expect(() => cronIntervals('0 25 * * *', ['schedule "x"', 'cron'])).toThrow(
      /schedule "x" > cron: hour 25 is outside 0-23/,
    );
  });

  it('GIVEN any set of daily hours WHEN analysed THEN the gaps match the hours around the clock', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 59 }),
        (hours, minute) => {
          const sorted = [...hours].sort((a, b) => a - b);
          const gaps = sorted.map(
            (h, i) => ((i + 1 < sorted.length ? (sorted[i + 1] as number) : (sorted[0] as number) + 24) - h) * H,
          );
          expect(cronIntervals(cron.dailyAt(sorted, { minute }))).toEqual({
            minSeconds: Math.min(...gaps),
            maxSeconds: Math.max(...gaps),
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
