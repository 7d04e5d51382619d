import { DslError, type PathSegment } from '../errors.ts';

/**
 * A success or failure condition of a metric, rendered per provider: Prometheus results are
 * vectors (`result[0]`), web results are the value the JSON path selects (`result`).
 * A comparison (`below`, `above`, ...) on a Prometheus result of NaN (no traffic) is neither a
 * pass nor a failure: Argosy renders the missing side as the NaN-guarded complement, so the
 * measurement is inconclusive.
 * @example
 * ```ts
 * const fast: Condition = below(0.25);
 * ```
 */
export interface Condition {
  readonly kind: 'condition';
  /**
   * Renders the Argo Rollouts expression. `numeric` is the result as a number (`result[0]`,
   * `asFloat(result)`), `raw` the result as returned (for booleans and strings).
   */
  readonly render: (numeric: string, raw: string) => string;
  /** A numeric comparison, whose complement Argosy may derive (`!isNaN(x) && !(cond)`). */
  readonly numeric?: boolean;
}

function finite(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new DslError({
      path: [what],
      problem: 'threshold must be a finite number',
      got: x,
      fix: 'Use e.g. below(0.01)',
    });
  }
  return x;
}

const compare =
  (op: string, name: string) =>
  (x: number): Condition => {
    const v = finite(x, `${name}()`);
    return { kind: 'condition', numeric: true, render: (s) => `${s} ${op} ${v}` };
  };

/**
 * The measured value is strictly below `x`.
 * @example
 * ```ts
 * metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })
 * ```
 */
export const below = compare('<', 'below');
/**
 * The measured value is strictly above `x`.
 * @example
 * ```ts
 * metric.web('auc', { url: 'http://evaluator/score', jsonPath: '{$.auc}', success: above(0.8) })
 * ```
 */
export const above = compare('>', 'above');
/**
 * The measured value is at most `x`.
 * @example
 * ```ts
 * failure: atMost(0.5)
 * ```
 */
export const atMost = compare('<=', 'atMost');
/**
 * The measured value is at least `x`.
 * @example
 * ```ts
 * success: atLeast(0.95)
 * ```
 */
export const atLeast = compare('>=', 'atLeast');

/**
 * The measured value lies in [lo, hi].
 * @example
 * ```ts
 * success: between(0.2, 0.4) // mean predicted probability stays in its usual band
 * ```
 */
export function between(lo: number, hi: number): Condition {
  const a = finite(lo, 'between()');
  const b = finite(hi, 'between()');
  if (a > b)
    throw new DslError({
      path: ['between()'],
      problem: 'lower bound is above upper bound',
      got: [lo, hi],
      fix: 'Swap the bounds',
    });
  return { kind: 'condition', numeric: true, render: (s) => `${s} >= ${a} && ${s} <= ${b}` };
}

/**
 * The measured value equals `v` (a boolean or string from a web endpoint, or a number).
 * @example
 * ```ts
 * metric.web('gate', { url: 'http://registry/gate?model=churn', jsonPath: '{$.passed}', success: equals(true) })
 * ```
 */
export function equals(v: boolean | number | string): Condition {
  const lit = typeof v === 'string' ? JSON.stringify(v) : String(finiteOrBool(v));
  return {
    kind: 'condition',
    numeric: typeof v === 'number',
    render: (numeric, raw) => `${typeof v === 'number' ? numeric : raw} == ${lit}`,
  };
}

function finiteOrBool(v: boolean | number): boolean | number {
  return typeof v === 'boolean' ? v : finite(v, 'equals()');
}

/**
 * A raw Argo Rollouts expression (expr-lang; `result` is the measurement), for anything the
 * helpers do not cover.
 * @example
 * ```ts
 * success: expr('len(result) > 0 && all(result, {# < 0.25})')
 * ```
 */
export function expr(expression: string): Condition {
  if (typeof expression !== 'string' || expression.trim() === '' || expression.includes('{{')) {
    throw new DslError({
      path: ['expr()'],
      problem: 'expected a non-empty expression without "{{"',
      got: expression,
      fix: 'Use e.g. expr("result[0] < 0.25")',
    });
  }
  return { kind: 'condition', render: () => expression };
}

/** Checks that a value is a Condition (a plain number is a common slip). */
export function assertCondition(c: unknown, path: readonly PathSegment[]): Condition {
  if (!c || typeof c !== 'object' || (c as Condition).kind !== 'condition') {
    throw new DslError({
      path,
      problem: 'expected a condition',
      got: c,
      fix: 'Use below(x), above(x), atMost(x), atLeast(x), between(a, b), equals(v) or expr("...")',
    });
  }
  return c as Condition;
}
