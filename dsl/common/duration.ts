import { DslError, type PathSegment } from '../errors.ts';

/**
 * A length of time. Numbers are seconds; strings use Go duration syntax (`"90s"`, `"10m"`, `"1h30m"`).
 * The helpers {@link seconds}, {@link minutes}, {@link hours} and {@link days} read better in code.
 */
export type Duration = number | string;

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const GO_DURATION = /^(\d+(\.\d+)?(ms|s|m|h))+$/;

/**
 * A duration of `n` seconds.
 * @example
 * ```ts
 * retry: { limit: 3, backoff: { duration: seconds(30) } }
 * ```
 */
export const seconds = (n: number): string => `${n}s`;
/**
 * A duration of `n` minutes.
 * @example
 * ```ts
 * steps: [{ weight: 10, pause: minutes(10) }]
 * ```
 */
export const minutes = (n: number): string => `${n}m`;
/**
 * A duration of `n` hours.
 * @example
 * ```ts
 * timeout: hours(2)
 * ```
 */
export const hours = (n: number): string => `${n}h`;
/**
 * A duration of `n` days, written in hours because Go durations have no day unit.
 * @example
 * ```ts
 * duration: days(7) // "168h"
 * ```
 */
export const days = (n: number): string => `${n * 24}h`;

/**
 * Converts a duration to whole seconds, rejecting anything Argo and Kubernetes would not parse.
 *
 * @example
 * ```ts
 * toSeconds('1h30m', ['component "train"', 'timeout']); // 5400
 * ```
 */
export function toSeconds(value: unknown, path: readonly PathSegment[]): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) {
      throw new DslError({
        path,
        problem: 'duration must be a positive number of seconds',
        got: value,
        fix: 'Use e.g. 600 or minutes(10)',
      });
    }
    return Math.ceil(value);
  }
  if (typeof value !== 'string' || !GO_DURATION.test(value)) {
    throw new DslError({
      path,
      problem: 'not a valid duration',
      got: value,
      fix: 'Use Go duration syntax such as "90s", "10m" or "1h30m", or minutes(10)',
    });
  }
  let total = 0;
  for (const match of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  }
  if (total <= 0) {
    throw new DslError({ path, problem: 'duration must be longer than zero', got: value, fix: 'Use e.g. "30s"' });
  }
  return Math.ceil(total);
}

/** Validates a duration and returns it in Go syntax (numbers become `"<n>s"`). */
export function toGoDuration(value: unknown, path: readonly PathSegment[]): string {
  const secs = toSeconds(value, path);
  return typeof value === 'string' ? value : `${secs}s`;
}

/**
 * Converts a duration to milliseconds without rounding to whole seconds, for latency thresholds
 * such as `"250ms"` (numbers are seconds, as everywhere else).
 *
 * @example
 * ```ts
 * toMilliseconds('250ms', ['monitoring "ctr"', 'latencyP99']); // 250
 * ```
 */
export function toMilliseconds(value: unknown, path: readonly PathSegment[]): number {
  toSeconds(value, path);
  if (typeof value === 'number') return value * 1000;
  let total = 0;
  for (const match of (value as string).matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number) * 1000;
  return Math.round(total * 1000) / 1000;
}
