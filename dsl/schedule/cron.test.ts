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

describe('cron helpers with out-of-range numbers', () => {
  it.each([
    [
      'daily hour 25',
      () => cron.daily({ hour: 25 }),
      'cron.daily() > hour: expected a whole number from 0 to 23 (got 25)',
    ],
    [
      'daily hour -1',
      () => cron.daily({ hour: -1 }),
      'cron.daily() > hour: expected a whole number from 0 to 23 (got -1)',
    ],
    [
      'daily hour 2.5',
      () => cron.daily({ hour: 2.5 }),
      'cron.daily() > hour: expected a whole number from 0 to 23 (got 2.5)',
    ],
    [
      'daily minute 60',
      () => cron.daily({ hour: 1, minute: 60 }),
      'cron.daily() > minute: expected a whole number from 0 to 59 (got 60)',
    ],
    [
      'hourly minute NaN',
      () => cron.hourly({ minute: NaN }),
      'cron.hourly() > minute: expected a whole number from 0 to 59 (got NaN)',
    ],
    ['everyHours 0', () => cron.everyHours(0), 'cron.everyHours() > n: expected a whole number from 1 to 24 (got 0)'],
    [
      'everyHours 48',
      () => cron.everyHours(48),
      'cron.everyHours() > n: expected a whole number from 1 to 24 (got 48)',
    ],
    ['dailyAt []', () => cron.dailyAt([]), 'cron.dailyAt() > hoursOfDay: expected a non-empty list of hours (got [])'],
    [
      'dailyAt 24',
      () => cron.dailyAt([9, 24]),
      'cron.dailyAt() > hoursOfDay[1]: expected a whole number from 0 to 23 (got 24)',
    ],
    [
      'weekly day 8',
      () => cron.weekly({ day: 8 as never, hour: 3 }),
      'cron.weekly() > day: expected a weekday name (got 8)',
    ],
    [
      'weekly "monday"',
      () => cron.weekly({ day: 'monday' as never, hour: 3 }),
      'cron.weekly() > day: expected a weekday name (got "monday")',
    ],
    [
      'weekly hour "3"',
      () => cron.weekly({ day: 'mon', hour: '3' as never }),
      'cron.weekly() > hour: expected a whole number from 0 to 23 (got "3")',
    ],
    [
      'monthly day 32',
      () => cron.monthly({ dayOfMonth: 32, hour: 0 }),
      'cron.monthly() > dayOfMonth: expected a whole number from 1 to 31 (got 32)',
    ],
    [
      'monthly day 0',
      () => cron.monthly({ dayOfMonth: 0, hour: 0 }),
      'cron.monthly() > dayOfMonth: expected a whole number from 1 to 31 (got 0)',
    ],
  ])('GIVEN %s WHEN the helper builds THEN a DslError names the helper and field', (_name, build, message) => {
    expect(build).toThrow(message);
  });

  it('GIVEN the edges of every range THEN the helpers accept them and assertCron agrees', () => {
    const built = [
      cron.hourly({ minute: 59 }),
      cron.everyHours(24, { minute: 0 }),
      cron.daily({ hour: 23, minute: 59 }),
      cron.dailyAt([0, 23]),
      cron.weekly({ day: 'sat', hour: 0 }),
      cron.monthly({ dayOfMonth: 31, hour: 23, minute: 59 }),
    ];
    expect(built).toEqual(['59 * * * *', '0 */24 * * *', '59 23 * * *', '0 0,23 * * *', '0 0 * * 6', '59 23 31 * *']);
    for (const expr of built) expect(assertCron(expr, ['cron'])).toBe(expr);
  });

  it('PROPERTY: whatever numbers a helper accepts build an expression assertCron accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 30 }), (minute, hour) => {
        let expr: string;
        try {
          expr = cron.daily({ hour, minute });
        } catch {
          return hour < 0 || hour > 23 || minute < 0 || minute > 59;
        }
        return assertCron(expr, ['cron']) === expr;
      }),
    );
  });
});
