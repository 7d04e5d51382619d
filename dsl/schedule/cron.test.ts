import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCron, cron, cronDates } from './cron.ts';

describe('cron expressions', () => {
  it.each([
    '0 3 * * 1',
    '*/15 * * * *',
    '0 9,18 * * *',
    '30 2 1-5 JAN-MAR mon-fri',
    '0 0 ? * 0',
    '@daily',
    '@every 2h30m',
    '5 */4 * * *',
  ])('GIVEN %j THEN it is accepted', (expr) => expect(assertCron(expr, ['schedule "s"'])).toBeTruthy());

  it.each([
    ['0 3 * *', /has 4 fields, expected 5/],
    ['60 * * * *', /minute 60 is outside 0-59/],
    ['0 24 * * *', /hour 24 is outside 0-23/],
    ['0 0 0 * *', /day of month 0 is outside 1-31/],
    ['0 0 * 13 *', /month 13 is outside 1-12/],
    ['0 0 * * 7', /day of week 7 is outside 0-6/],
    ['*/0 * * * *', /step of zero/],
    ['5-1 * * * *', /runs backwards/],
    ['@fortnightly', /unknown cron descriptor/],
    ['0 3 * * funday', /"funday" is not a valid day of week/],
  ])('GIVEN %j THEN the error explains the problem', (expr, message) => {
    expect(() => assertCron(expr, ['schedule "s"', 'cron'])).toThrow(message);
    expect(() => assertCron(expr, ['schedule "s"', 'cron'])).toThrow(
      /^schedule "s" > cron: .*\(got ".*"\)\. Use five fields/,
    );
  });

  it('GIVEN the helpers THEN they build valid expressions', () => {
    expect(cron.daily({ hour: 2, minute: 30 })).toBe('30 2 * * *');
    expect(cron.weekly({ day: 'mon', hour: 3 })).toBe('0 3 * * 1');
    expect(cron.everyHours(4, { minute: 15 })).toBe('15 */4 * * *');
    expect(cron.dailyAt([9, 18])).toBe('0 9,18 * * *');
    expect(cron.monthly({ dayOfMonth: 1, hour: 0 })).toBe('0 0 1 * *');
  });

  it('PROPERTY: any in-range five-field expression is accepted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        (m, h, dom, mon, dow) => assertCron(`${m} ${h} ${dom} ${mon} ${dow}`, []) === `${m} ${h} ${dom} ${mon} ${dow}`,
      ),
    );
  });
});

describe('cron that never fires', () => {
  it('GIVEN February 30 WHEN checked THEN it is refused with the way out', () => {
    expect(() => assertCron('0 3 30 2 *', ['cron'])).toThrow(
      'cron: cron never fires: no month in "2" has day 30 (got "0 3 30 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
    );
    expect(() => assertCron('0 3 31 apr,jun *', ['cron'])).toThrow(/no month in "apr,jun" has day 31/);
    expect(() => assertCron('0 3 30-31 feb *', ['cron'])).toThrow(/never fires/);
  });

  it('GIVEN a day some listed month has, or a restricted weekday (ORed) THEN it is accepted', () => {
    expect(assertCron('0 3 31 */2 *', ['cron'])).toBe('0 3 31 */2 *');
    expect(assertCron('0 3 30 2 1', ['cron'])).toBe('0 3 30 2 1');
    expect(cronDates('0 3 31 2/2 *')).toBe('some');
  });

  it('GIVEN February 29 only THEN it fires in leap years only', () => {
    expect(cronDates('0 3 29 2 *')).toBe('leap');
    expect(cronDates('@daily')).toBe('some');
  });
});
