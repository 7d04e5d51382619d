import { DslErrors, isDslError, isDslErrors, type DslError } from '../errors.ts';

/**
 * All errors at once. Used directly, every builder throws its first mistake where it is made
 * (the stack points at the line). A project build (`argosy synth`, `diff`, `graph`, ...) runs
 * inside {@link collectErrors} instead: each builder that fails records its mistake and hands
 * back a stand-in (a broken component, pipeline, task or reference) so the rest of the project
 * still builds and reports its own, independent mistakes. Stand-ins are accepted silently
 * wherever they are used, so a mistake is reported once and not again as the consequences it has
 * further on.
 */

interface Collection {
  readonly errors: DslError[];
}

// One collection at a time: a build is synchronous apart from loading the project module, and
// nested builds (a pipeline inside an app function) record into the same collection.
let active: Collection | undefined;

/** Whether a build is collecting errors (inside {@link collectErrors}). */
export function collecting(): boolean {
  return active !== undefined;
}

/** How many errors the current collection holds (0 outside one): a builder compares before and after. */
export function errorCount(): number {
  return active?.errors.length ?? 0;
}

/** Records a mistake while collecting (once, however often it is reached); throws it otherwise. */
export function report(e: DslError): void {
  if (!active) throw e;
  if (!active.errors.includes(e)) active.errors.push(e);
}

/** The mistakes recorded since the collection held `count` (none outside a collection). */
export function errorsSince(count: number): DslError[] {
  return active ? active.errors.slice(count) : [];
}

/**
 * Runs `build`. While collecting, a DslError it throws is recorded and `fallback()` (a stand-in)
 * returned instead; otherwise the error propagates as usual.
 *
 * @example
 * ```ts
 * const task = recover(() => addTask(...), () => brokenStep(id));
 * ```
 */
export function recover<T>(build: () => T, fallback: () => T): T {
  if (!active) return build();
  try {
    return build();
  } catch (e) {
    if (!isDslError(e)) throw e;
    report(e);
    return fallback();
  }
}

/**
 * Builds with every DslError collected instead of stopping at the first, and throws them
 * together as {@link DslErrors} (or returns the result when there were none). Another error
 * thrown after a mistake was recorded is taken for one of its consequences (user code tripping
 * over a stand-in) and dropped; before that, it propagates.
 *
 * @example
 * ```ts
 * const ir = await collectErrors(async () => resolveProject((await import(entry)).default));
 * ```
 */
export async function collectErrors<T>(build: () => T | Promise<T>): Promise<T> {
  const outer = active;
  const mine: Collection = { errors: [] };
  active = mine;
  let result: T | undefined;
  try {
    result = await build();
  } catch (e) {
    if (isDslError(e)) mine.errors.push(e);
    else if (isDslErrors(e)) mine.errors.push(...e.errors);
    else if (mine.errors.length === 0) throw e;
  } finally {
    active = outer;
  }
  if (mine.errors.length > 0) throw new DslErrors(mine.errors);
  return result as T;
}

/** {@link collectErrors} for a build that does not wait on anything. */
export function collectErrorsSync<T>(build: () => T): T {
  const outer = active;
  const mine: Collection = { errors: [] };
  active = mine;
  let result: T | undefined;
  try {
    result = build();
  } catch (e) {
    if (isDslError(e)) mine.errors.push(e);
    else if (isDslErrors(e)) mine.errors.push(...e.errors);
    else if (mine.errors.length === 0) throw e;
  } finally {
    active = outer;
  }
  if (mine.errors.length > 0) throw new DslErrors(mine.errors);
  return result as T;
}

const BROKEN = Symbol.for('argosy.Broken');
const ERRORS = Symbol.for('argosy.Errors');

/** Marks a stand-in: a value that failed to build, whose mistakes are recorded already. */
export function markBroken<T extends object>(value: T, errors: readonly DslError[] = []): T {
  Object.defineProperty(value, BROKEN, { value: true });
  return attachErrors(value, errors);
}

/**
 * Keeps the mistakes made building a value (or what it was built from) on the value itself, so a
 * later build that only sees the value (the project resolving a pipeline whose module was loaded
 * and cached by an earlier build) reports them again instead of using a stand-in as if it worked.
 */
export function attachErrors<T extends object>(value: T, errors: readonly DslError[]): T {
  if (errors.length === 0) return value;
  const own = Object.getOwnPropertyDescriptor(value, ERRORS)?.value as DslError[] | undefined;
  if (own) own.push(...errors.filter((e) => !own.includes(e)));
  else Object.defineProperty(value, ERRORS, { value: [...new Set(errors)] });
  return value;
}

/** The mistakes attached to a value by {@link attachErrors} or {@link markBroken}. */
export function attachedErrors(value: unknown): readonly DslError[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return [];
  const errors = (value as { [ERRORS]?: unknown })[ERRORS];
  return Array.isArray(errors) ? (errors as DslError[]) : [];
}

/** Whether a value is a stand-in for something that failed to build (by this copy of argosy or another). */
export function isBroken(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [BROKEN]?: unknown })[BROKEN] === true
  );
}
