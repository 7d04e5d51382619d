import { assertCron } from './cron.ts';
import { DslError, type PathSegment } from '../errors.ts';

/**
 * How often a set of cron expressions fires: the shortest and longest gap between two runs.
 *
 * @example
 * ```ts
 * const { maxSeconds } = cronIntervals(cron.everyHours(4)); // 14400
 * ```
 */
export interface CronIntervals {
  /** Shortest time between two consecutive runs, in seconds. */
  readonly minSeconds: number;
  /** Longest time between two consecutive runs, in seconds: how long a missed run can go unnoticed. */
  readonly maxSeconds: number;
}

interface Fields {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly doms: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly dows: ReadonlySet<number>;
  /** robfig/cron (Argo's parser) ORs day-of-month and day-of-week only when both are restricted. */
  readonly domStar: boolean;
  readonly dowStar: boolean;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const NAMES: Record<number, readonly string[]> = {
  3: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  4: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};
const BOUNDS: readonly (readonly [number, number])[] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];
const DAY = 86_400;
// A Monday, so weekly patterns line up; eight years cover leap days and every month length.
const EPOCH = Date.UTC(2025, 0, 6) / 1000;

/**
 * The shortest and longest gap between runs of one or more cron expressions (an Argo
 * CronWorkflow's `schedules`), evaluated in UTC. Used for cadence checks and to size
 * missed-run alerts; daylight-saving shifts of a zoned schedule are not modelled (give alerts
 * an hour of grace).
 *
 * @example
 * ```ts
 * cronIntervals('0 3 * * 1');            // { minSeconds: 604800, maxSeconds: 604800 } (weekly)
 * cronIntervals(['0 9 * * *', '0 18 * * *']); // { minSeconds: 32400, maxSeconds: 54000 }
 * ```
 */
export function cronIntervals(
  crons: string | readonly string[],
  path: readonly PathSegment[] = ['cron'],
): CronIntervals {
  const list = typeof crons === 'string' ? [crons] : crons;
  if (list.length === 0)
    throw new DslError({
      path,
      problem: 'no cron expression given',
      got: [],
      fix: 'Pass at least one expression such as "0 3 * * 1"',
    });
  const every = list.map((c, i) => everySeconds(assertCron(c, list.length > 1 ? [...path, `[${i}]`] : path)));
  if (every.every((e) => e !== undefined)) {
    const values = every as number[];
    return { minSeconds: Math.min(...values), maxSeconds: Math.max(...values) };
  }
  if (every.some((e) => e !== undefined)) {
    throw new DslError({
      path,
      problem: 'cannot combine "@every" with calendar expressions',
      got: list,
      fix: 'Use either "@every <duration>" or five-field expressions',
    });
  }
  const parsed = list.map((c) => parse(DESCRIPTORS[c.trim()] ?? c.trim()));
  const restrictsDays = parsed.some((f) => !f.domStar || f.months.size < 12);
  // Without day-of-month or month restrictions the pattern repeats weekly; otherwise scan years.
  const days = restrictsDays ? 8 * 366 : 15;
  const times = new Set<number>();
  for (let d = 0; d < days; d++) {
    const date = new Date((EPOCH + d * DAY) * 1000);
    for (const f of parsed) {
      if (!dayMatches(f, date)) continue;
      for (const h of f.hours) for (const m of f.minutes) times.add(EPOCH + d * DAY + h * 3600 + m * 60);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length < 2) {
    throw new DslError({
      path,
      problem: 'the schedule fires less than twice in eight years',
      got: list,
      fix: 'Check the day-of-month and month fields',
    });
  }
  let minSeconds = Infinity;
  let maxSeconds = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i] as number) - (sorted[i - 1] as number);
    minSeconds = Math.min(minSeconds, gap);
    maxSeconds = Math.max(maxSeconds, gap);
  }
  return { minSeconds, maxSeconds };
}

function everySeconds(expr: string): number | undefined {
  const m = /^@every\s+(.+)$/.exec(expr);
  if (!m) return undefined;
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const part of (m[1] as string).matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(part[1]) * (units[part[2] as string] as number);
  return total;
}

function dayMatches(f: Fields, date: Date): boolean {
  if (!f.months.has(date.getUTCMonth() + 1)) return false;
  const dom = f.doms.has(date.getUTCDate());
  const dow = f.dows.has(date.getUTCDay());
  return f.domStar || f.dowStar ? dom && dow : dom || dow;
}

/** Expands a five-field expression already checked by assertCron. */
function parse(expr: string): Fields {
  const fields = expr.split(/\s+/);
  const sets = fields.map((field, i) => expand(field, i));
  const star = (i: number): boolean =>
    fields[i]!.split(',').some((item) => {
      const [range, step] = item.split('/');
      return (range === '*' || range === '?') && (step === undefined || Number(step) <= 1);
    });
  return {
    minutes: [...sets[0]!].sort((a, b) => a - b),
    hours: [...sets[1]!].sort((a, b) => a - b),
    doms: sets[2]!,
    months: sets[3]!,
    dows: sets[4]!,
    domStar: star(2),
    dowStar: star(4),
  };
}

function expand(field: string, index: number): Set<number> {
  const [min, max] = BOUNDS[index] as readonly [number, number];
  const value = (token: string): number => {
    const named = NAMES[index]?.indexOf(token.toLowerCase()) ?? -1;
    return named >= 0 ? named + (min === 1 ? 1 : 0) : Number(token);
  };
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const [range, stepText] = item.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else {
      const [a, b] = range.split('-') as [string, string | undefined];
      lo = value(a);
      hi = b !== undefined ? value(b) : stepText !== undefined ? max : lo;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}
