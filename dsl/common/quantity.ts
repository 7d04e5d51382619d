import { DslError, type PathSegment } from '../errors.ts';

/** A Kubernetes resource quantity: `"500m"`, `"2"`, `"16Gi"`; numbers are converted to strings. */
export type Quantity = string | number;

// The grammar of k8s.io/apimachinery resource.Quantity (sign, number, suffix or exponent).
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?(\d+(\.\d*)?|\.\d+))?$/;

/**
 * Normalises a quantity to the string form Kubernetes stores. CPU numbers with a fraction become
 * millicores (`0.5` -> `"500m"`), so no float ever reaches the YAML.
 *
 * @example
 * ```ts
 * quantity(0.5, ['component "train"', 'resources', 'cpu'], 'cpu'); // "500m"
 * quantity('16Gi', ['component "train"', 'resources', 'memory']); // "16Gi"
 * ```
 */
export function quantity(
  value: unknown,
  path: readonly PathSegment[],
  unit: 'cpu' | 'bytes' | 'count' = 'bytes',
): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      throw new DslError({
        path,
        problem: 'quantity must be a non-negative finite number',
        got: value,
        fix: 'Use a value such as "500m", "2" or "16Gi"',
      });
    }
    if (Number.isInteger(value)) return String(value);
    if (unit === 'cpu') {
      const milli = Math.round(value * 1000);
      if (Math.abs(milli - value * 1000) > 1e-6) {
        throw new DslError({
          path,
          problem: 'cpu finer than a millicore',
          got: value,
          fix: 'Round to whole millicores, e.g. "250m"',
        });
      }
      return `${milli}m`;
    }
    throw new DslError({
      path,
      problem: 'fractional quantity given as a number',
      got: value,
      fix: 'Write it as a string with a unit, e.g. "1536Mi"',
    });
  }
  if (typeof value !== 'string' || !QUANTITY.test(value) || value.startsWith('-')) {
    throw new DslError({
      path,
      problem: 'not a valid Kubernetes quantity',
      got: value,
      fix:
        unit === 'cpu'
          ? 'Use cores or millicores, e.g. "2" or "500m"'
          : 'Use a number with an optional unit, e.g. "512Mi" or "16Gi"',
    });
  }
  return value;
}
