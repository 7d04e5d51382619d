import { toGoDuration, type Duration } from '../common/duration.ts';
import { DslError, type PathSegment } from '../errors.ts';
import type { CacheIR, CommandArgIR, RetryIR } from '../ir/index.ts';

/**
 * How a failed step is retried. A number is shorthand for `{ limit: n }`.
 *
 * @example
 * ```ts
 * retry: { limit: 3, policy: 'OnError', backoff: { duration: seconds(30), factor: 2, max: minutes(10) } }
 * ```
 */
export type RetrySpec =
  | number
  | {
      readonly limit: number;
      /** Which failures to retry (Argo retryPolicy). Default `OnFailure`. */
      readonly policy?: RetryIR['policy'];
      readonly backoff?: { readonly duration: Duration; readonly factor?: number; readonly max?: Duration };
    };

export function retryToIR(spec: RetrySpec | undefined, path: readonly PathSegment[]): RetryIR | undefined {
  if (spec === undefined) return undefined;
  const at = [...path, 'retry'];
  if (typeof spec !== 'number' && (spec === null || typeof spec !== 'object')) {
    throw new DslError({
      path: at,
      problem: 'retry must be a number of retries or an object',
      got: spec,
      fix: "Use e.g. retry: 3 or retry: { limit: 3, policy: 'OnError' }",
    });
  }
  const s = typeof spec === 'number' ? { limit: spec } : spec;
  if (!Number.isInteger(s.limit) || s.limit < 0 || s.limit > 100) {
    throw new DslError({
      path: [...at, 'limit'],
      problem: 'retry limit must be an integer between 0 and 100',
      got: s.limit,
      fix: 'Use e.g. retry: 3',
    });
  }
  const policies = ['Always', 'OnFailure', 'OnError', 'OnTransientError'];
  if (s.policy !== undefined && !policies.includes(s.policy)) {
    throw new DslError({
      path: [...at, 'policy'],
      problem: 'unknown retry policy',
      got: s.policy,
      fix: `Use one of ${policies.join(', ')}`,
    });
  }
  let backoff: RetryIR['backoff'];
  if (s.backoff !== undefined && (s.backoff === null || typeof s.backoff !== 'object')) {
    throw new DslError({
      path: [...at, 'backoff'],
      problem: 'backoff must be an object',
      got: s.backoff,
      fix: 'Use e.g. backoff: { duration: seconds(30), factor: 2 }',
    });
  }
  if (s.backoff) {
    const factor = s.backoff.factor;
    if (factor !== undefined && (!Number.isInteger(factor) || factor < 1)) {
      throw new DslError({
        path: [...at, 'backoff', 'factor'],
        problem: 'backoff factor must be a positive integer (Argo stores it as int-or-string)',
        got: factor,
        fix: 'Use e.g. factor: 2',
      });
    }
    backoff = {
      duration: toGoDuration(s.backoff.duration, [...at, 'backoff', 'duration']),
      ...(factor !== undefined ? { factor } : {}),
      ...(s.backoff.max !== undefined ? { max: toGoDuration(s.backoff.max, [...at, 'backoff', 'max']) } : {}),
    };
  }
  return { limit: s.limit, policy: s.policy ?? 'OnFailure', ...(backoff ? { backoff } : {}) };
}

/**
 * Result caching (Argo memoization, KFP caching). `true` caches for 7 days keyed on the parameter
 * inputs and the component's content hash.
 *
 * @example
 * ```ts
 * cache: { maxAge: days(1) }
 * cache: false // never reuse results, e.g. for steps with side effects
 * ```
 */
export type CacheSpec<IO = unknown> =
  | boolean
  | {
      readonly maxAge?: Duration;
      /**
       * Extra cache-key parts. Required when the component has artifact inputs, because Argo cannot
       * hash artifacts: pass the parameter that identifies the data (e.g. the snapshot date).
       */
      readonly key?: (io: IO) => readonly unknown[];
    };

export function cacheToIR(
  spec: CacheSpec<never> | undefined,
  keyParts: readonly CommandArgIR[],
  path: readonly PathSegment[],
): CacheIR | undefined {
  if (spec === undefined) return undefined;
  assertCacheSpec(spec, path);
  if (spec === false) return { enabled: false, maxAge: '0s', keyParts: [] };
  const maxAge =
    spec === true || spec.maxAge === undefined ? '168h' : toGoDuration(spec.maxAge, [...path, 'cache', 'maxAge']);
  return { enabled: true, maxAge, keyParts };
}

/**
 * Checks a component's `cache` before its key function is called: a boolean, or an object whose
 * `key` (if any) is a function. A string such as `'yes'` would otherwise turn caching on, and
 * `null` or a key list would crash.
 *
 * @example
 * ```ts
 * assertCacheSpec({ maxAge: days(1) }, ['component "train"']);
 * ```
 */
export function assertCacheSpec(spec: unknown, path: readonly PathSegment[]): void {
  if (spec === undefined || typeof spec === 'boolean') return;
  if (spec === null || typeof spec !== 'object') {
    throw new DslError({
      path: [...path, 'cache'],
      problem: 'cache must be true, false or an object',
      got: spec,
      fix: 'Use e.g. cache: true, cache: false or cache: { maxAge: days(1) }',
    });
  }
  const key = (spec as { key?: unknown }).key;
  if (key !== undefined && typeof key !== 'function') {
    throw new DslError({
      path: [...path, 'cache', 'key'],
      problem: 'cache key must be a function of the io placeholders',
      got: key,
      fix: 'Use e.g. key: (io) => [io.inputs.snapshotDate]',
    });
  }
}
