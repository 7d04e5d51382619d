import { DslError, type PathSegment } from '../errors.ts';

/**
 * Copies a DSL value into plain IR data: reference `String` objects become primitive strings,
 * `undefined` entries are dropped, and anything that is not JSON-like (a function, a class
 * instance such as a template handle in the wrong place) is reported where it was found.
 */
export function plain<T>(value: T, path: readonly PathSegment[]): T {
  return copy(value, path) as T;
}

function copy(value: unknown, path: readonly PathSegment[]): unknown {
  if (value instanceof String) return value.toString();
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new DslError({
        path,
        problem: 'expected plain data',
        got: value,
        fix: 'Pass strings, numbers, booleans, arrays or objects here',
      });
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new DslError({ path, problem: 'numbers must be finite', got: String(value), fix: 'Pass a finite number' });
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => copy(v, [...path, `[${i}]`]));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new DslError({
      path,
      problem: 'expected plain data, got an object built by the DSL',
      got: (value as object).constructor?.name ?? 'object',
      fix: 'Pass the template itself only where a template is expected (template, onExit, hooks)',
    });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = copy(v, [...path, k]);
  }
  return out;
}

/** Converts a text value (string, reference, number or boolean) to the string Argo stores. */
export function text(value: string | number | boolean, path: readonly PathSegment[]): string {
  if ((value as unknown) instanceof String || typeof value === 'string') return String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(plain(value, path));
  throw new DslError({
    path,
    problem: 'expected a string, number or boolean',
    got: value,
    fix: 'Pass the value as a string',
  });
}
