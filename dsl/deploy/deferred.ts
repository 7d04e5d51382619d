import { report } from '../common/collect.ts';
import { isDslError, withPathPrefix, type DslError, type PathSegment } from '../errors.ts';

/**
 * Strategies, servings and meshes only mean something inside a `modelDeployment()`, and they are
 * built before it (as its arguments), when the deployment's name is not known yet. So their
 * mistakes are kept and reported where the deployment uses them, named by it:
 * `deployment "fraud-scorer" > abTest() > variants: ...`.
 */

const DEFERRED = Symbol.for('argosy.DeferredError');

/**
 * Builds a value whose mistake is reported where it is used: on a DslError it returns a stand-in
 * of the same `kind` that carries the error (see {@link reportDeferred}).
 *
 * @example
 * ```ts
 * export function canary(opts: CanaryOptions): CanaryStrategy {
 *   return deferErrors('canary', () => buildCanary(opts));
 * }
 * ```
 */
export function deferErrors<T extends { readonly kind: string }>(kind: T['kind'], build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (!isDslError(e)) throw e;
    return Object.defineProperty({ kind }, DEFERRED, { value: e }) as unknown as T;
  }
}

/** The mistake a value was built with, if it is a stand-in made by {@link deferErrors}. */
export function deferredError(value: unknown): DslError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const e = (value as { [DEFERRED]?: unknown })[DEFERRED];
  return isDslError(e) ? e : undefined;
}

/** Throws the mistake `value` was built with, if any, under `where` (a strategy nesting another). */
export function throwDeferred(value: unknown, where: readonly PathSegment[]): void {
  const e = deferredError(value);
  if (e) throw withPathPrefix(e, where);
}

/**
 * The value itself, or the mistake it was built with thrown where it stands: for code that
 * checks one strategy or serving on its own, such as its tests.
 *
 * @example
 * ```ts
 * expect(() => orThrow(canary({ steps: [] }))).toThrow(/canary\(\) > steps/);
 * ```
 */
export function orThrow<T>(value: T): T {
  throwDeferred(value, []);
  return value;
}

/**
 * Reports the mistakes the given values were built with, each located under `where` (the
 * deployment or strategy using them). Outside a project build the first one is thrown; inside
 * one, all are recorded. Returns whether there were any, so the user stops building.
 */
export function reportDeferred(values: readonly unknown[], where: readonly PathSegment[]): boolean {
  const errors = values.flatMap((v) => {
    const e = deferredError(v);
    return e ? [e] : [];
  });
  errors.forEach((e) => report(withPathPrefix(e, where)));
  return errors.length > 0;
}
