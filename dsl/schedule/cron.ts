import { DslError, type PathSegment } from '../errors.ts';

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

// Field ranges of the standard five-field parser Argo's CronWorkflow controller uses (robfig/cron).
const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/**
 * Checks a cron expression the way Argo's CronWorkflow controller parses it: five fields
 * (minute hour day-of-month month day-of-week) with `*`, lists, ranges, steps and month/day
 * names, or a descriptor such as `@daily` / `@every 2h`.
 *
 * @example
 * ```ts
 * assertCron('30 2 * * 1-5', ['schedule "ctr-weekly"', 'cron']);
 * ```
 */
export function assertCron(expr: unknown, path: readonly PathSegment[]): string {
  const fail = (problem: string, fix?: string): never => {
    throw new DslError({
      path,
      problem,
      got: expr,
      fix:
        fix ??
        'Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 })',
    });
  };
  if (typeof expr !== 'string' || expr.trim() === '') return fail('cron expression must be a non-empty string');
  const text = expr.trim();
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text)) return text;
    const every = /^@every\s+(\d+(\.\d+)?(ms|s|m|h))+$/.exec(text);
    if (every) return text;
    return fail(`unknown cron descriptor "${text.split(/\s+/)[0]}"`);
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return fail(`cron expression has ${parts.length} fields, expected 5`);
  parts.forEach((part, i) => checkField(part, FIELDS[i] as FieldSpec, fail));
  const dates = calendarDates(parts);
  if (dates === 'never')
    fail(
      `cron never fires: no month in "${parts[3]}" has day ${parts[2]}`,
      'Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it',
    );
  return parts.join(' ');
}

// The most days each month can have (February in a leap year).
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Which dates a five-field cron can fire on, judged from day of month and month only:
 * 'never' when no month has any of its days, 'leap' when only February 29 does, else 'some'.
 * A restricted day of week is ORed with the day of month (robfig/cron), so it always fires.
 *
 * @example
 * ```ts
 * cronDates('0 3 30 2 *'); // 'never'
 * cronDates('0 3 29 2 *'); // 'leap'
 * ```
 */
export function cronDates(expr: string): 'never' | 'leap' | 'some' {
  const parts = expr.trim().split(/\s+/);
  return parts.length === 5 && !expr.trim().startsWith('@') ? calendarDates(parts) : 'some';
}

function calendarDates(parts: readonly string[]): 'never' | 'leap' | 'some' {
  const [dom, month, dow] = [parts[2] as string, parts[3] as string, parts[4] as string];
  const anyDay = (f: string): boolean => f.startsWith('*') || f.startsWith('?');
  if (!anyDay(dow) && !anyDay(dom)) return 'some';
  const days = expand(dom, FIELDS[2] as FieldSpec);
  const months = expand(month, FIELDS[3] as FieldSpec);
  let leap = false;
  for (const m of months)
    for (const d of days) {
      if (d <= (DAYS_IN_MONTH[m - 1] as number) - (m === 2 ? 1 : 0)) return 'some';
      if (m === 2 && d === 29) leap = true;
    }
  return leap ? 'leap' : 'never';
}

/** The values a (valid) field allows. */
function expand(part: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const item of part.split(',')) {
    const [rangePart = '*', stepPart] = item.split('/');
    const value = (t: string): number => {
      const named = spec.names?.indexOf(t.toLowerCase()) ?? -1;
      return named >= 0 ? named + (spec.min === 1 ? 1 : 0) : Number(t);
    };
    const whole = rangePart === '*' || rangePart === '?';
    const [lo, hi] = whole
      ? [spec.min, spec.max]
      : (() => {
          const b = rangePart.split('-').map(value);
          // `5/10` means 5 to the end, stepping 10.
          return [b[0] as number, b[1] ?? (stepPart !== undefined ? spec.max : (b[0] as number))];
        })();
    for (let v = lo; v <= hi; v += Number(stepPart ?? 1)) out.add(v);
  }
  return out;
}

function checkField(part: string, spec: FieldSpec, fail: (problem: string) => never): void {
  for (const item of part.split(',')) {
    const [rangePart, stepPart, extra] = item.split('/');
    if (extra !== undefined || rangePart === undefined || rangePart === '')
      fail(`invalid ${spec.name} field "${part}"`);
    if (stepPart !== undefined && !/^\d+$/.test(stepPart)) fail(`invalid step in ${spec.name} field "${part}"`);
    if (stepPart !== undefined && Number(stepPart) === 0) fail(`step of zero in ${spec.name} field "${part}"`);
    if (rangePart === '*' || (rangePart === '?' && spec.name.startsWith('day'))) continue;
    const bounds = (rangePart as string).split('-');
    if (bounds.length > 2) fail(`invalid range in ${spec.name} field "${part}"`);
    const values = bounds.map((b) => fieldValue(b, spec, fail));
    const [lo, hi] = [values[0] as number, (values[1] ?? values[0]) as number];
    if (lo > hi) fail(`range ${rangePart} in ${spec.name} field runs backwards`);
  }
}

function fieldValue(token: string, spec: FieldSpec, fail: (problem: string) => never): number {
  const named = spec.names?.indexOf(token.toLowerCase()) ?? -1;
  if (named >= 0) return named + (spec.min === 1 ? 1 : 0);
  if (!/^\d+$/.test(token)) return fail(`"${token}" is not a valid ${spec.name}`);
  const n = Number(token);
  if (n < spec.min || n > spec.max) return fail(`${spec.name} ${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * One number of a cron helper, checked where it is given: `cron.daily({ hour: 25 })` would
 * otherwise build "0 25 * * *" and fail only where the schedule uses it, naming the expression
 * rather than the helper argument that is wrong.
 */
function whole(helper: string, field: string, value: unknown, min: number, max: number, example: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DslError({
      path: [`cron.${helper}()`, field],
      problem: `expected a whole number from ${min} to ${max}`,
      got: value,
      fix: `Use e.g. ${example}`,
    });
  }
  return value;
}

const minuteOf = (helper: string, opts: { minute?: number } | undefined): number =>
  opts?.minute === undefined ? 0 : whole(helper, 'minute', opts.minute, 0, 59, 'minute: 30');
const hourOf = (helper: string, hour: unknown, field = 'hour'): number =>
  whole(helper, field, hour, 0, 23, `${field === 'hour' ? 'hour: ' : ''}3`);

/**
 * Readable builders for common cron expressions. Each checks its numbers (minute 0-59, hour
 * 0-23, day of month 1-31, a weekday name) and throws a DslError naming the helper and field.
 *
 * @example
 * ```ts
 * cron.daily({ hour: 2, minute: 30 });          // "30 2 * * *"
 * cron.weekly({ day: 'mon', hour: 3 });         // "0 3 * * 1"
 * cron.everyHours(4, { minute: 15 });           // "15 *\/4 * * *"
 * ```
 */
export const cron = {
  /** Every hour at `minute`. */
  hourly: (opts: { minute?: number } = {}): string => `${minuteOf('hourly', opts)} * * * *`,
  /** Every `n` hours (n divides 24 for even spacing; 24 is once a day), at `minute`. */
  everyHours: (n: number, opts: { minute?: number } = {}): string =>
    `${minuteOf('everyHours', opts)} */${whole('everyHours', 'n', n, 1, 24, 'cron.everyHours(4)')} * * *`,
  /** Every day at `hour:minute`. */
  daily: (opts: { hour: number; minute?: number }): string =>
    `${minuteOf('daily', opts)} ${hourOf('daily', opts?.hour)} * * *`,
  /** At several hours of every day, e.g. `[9, 18]` for two daily runs. */
  dailyAt: (hoursOfDay: readonly number[], opts: { minute?: number } = {}): string => {
    if (!Array.isArray(hoursOfDay) || hoursOfDay.length === 0) {
      throw new DslError({
        path: ['cron.dailyAt()', 'hoursOfDay'],
        problem: 'expected a non-empty list of hours',
        got: hoursOfDay,
        fix: 'Use e.g. cron.dailyAt([9, 18])',
      });
    }
    const hours = hoursOfDay.map((h: unknown, i) => hourOf('dailyAt', h, `hoursOfDay[${i}]`));
    return `${minuteOf('dailyAt', opts)} ${hours.join(',')} * * *`;
  },
  /** Once a week on `day` at `hour:minute`. */
  weekly: (opts: { day: Weekday; hour: number; minute?: number }): string => {
    const day = WEEKDAYS.indexOf(opts?.day);
    if (day < 0) {
      throw new DslError({
        path: ['cron.weekly()', 'day'],
        problem: 'expected a weekday name',
        got: opts?.day,
        fix: `Use one of ${WEEKDAYS.map((d) => `"${d}"`).join(', ')}`,
      });
    }
    return `${minuteOf('weekly', opts)} ${hourOf('weekly', opts.hour)} * * ${day}`;
  },
  /** Once a month on `dayOfMonth` at `hour:minute` (29-31 skip the months without that day). */
  monthly: (opts: { dayOfMonth: number; hour: number; minute?: number }): string =>
    `${minuteOf('monthly', opts)} ${hourOf('monthly', opts?.hour)} ${whole('monthly', 'dayOfMonth', opts?.dayOfMonth, 1, 31, 'dayOfMonth: 1')} * *`,
} as const;
