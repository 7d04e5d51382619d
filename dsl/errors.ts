/**
 * One step of the location of a problem, e.g. `pipeline "ctr-training"` or `task "train"`.
 * Paths are built from these so every error names the pipeline, task and field it is about.
 */
export type PathSegment = string;

/** The parts of an Argosy error; rendered as `<path>: <problem> (got <value>). <fix>.` */
export interface DslErrorParts {
  /** Where the problem is, outermost first. */
  readonly path: readonly PathSegment[];
  /** What is wrong, phrased as a fact ("expected artifact Dataset"). */
  readonly problem: string;
  /** The offending value; omitted when there is nothing meaningful to show. */
  readonly got?: unknown;
  /** What to do about it, as an instruction. */
  readonly fix?: string;
}

/**
 * The error every Argosy check throws: a readable message that names the path, the problem,
 * the value that was there and the fix.
 *
 * @example
 * ```ts
 * throw new DslError({
 *   path: ['pipeline "ctr-training"', 'task "train"', 'input "data"'],
 *   problem: 'expected artifact Dataset',
 *   got: 'Model',
 *   fix: 'Pass an output declared as artifact("Dataset")',
 * });
 * // pipeline "ctr-training" > task "train" > input "data": expected artifact Dataset (got Model). Pass ...
 * ```
 */
export class DslError extends Error {
  readonly parts: DslErrorParts;
  constructor(parts: DslErrorParts) {
    super(formatDslError(parts));
    this.name = 'DslError';
    this.parts = parts;
  }

  /** `e instanceof DslError` holds for the errors of every copy of argosy in the process. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isDslError(value);
  }
}

// Registry symbols are shared by every copy of argosy loaded in one process (see common/brand.ts,
// which errors.ts does not import so that charts/ can use it alone).
const DSL_ERROR = Symbol.for('argosy.DslError');
const DSL_ERRORS = Symbol.for('argosy.DslErrors');
Object.defineProperty(DslError.prototype, DSL_ERROR, { value: true });

/**
 * Whether a value is an Argosy error, thrown by this copy of argosy or another.
 *
 * @example
 * ```ts
 * try { build(); } catch (e) { if (!isDslError(e)) throw e; console.error(e.message); }
 * ```
 */
export function isDslError(value: unknown): value is DslError {
  return typeof value === 'object' && value !== null && (value as { [DSL_ERROR]?: unknown })[DSL_ERROR] === true;
}

/**
 * Every independent mistake of a build, thrown together when a build collects its errors
 * instead of stopping at the first (`argosy synth` and every command that builds the project).
 *
 * @example
 * ```ts
 * try { await collectErrors(() => resolveProject(p)); } catch (e) { if (isDslErrors(e)) e.errors.forEach(...); }
 * ```
 */
export class DslErrors extends Error {
  constructor(readonly errors: readonly DslError[]) {
    const lines = [...new Set(errors.map((e) => e.message))];
    super(`${lines.length} ${lines.length === 1 ? 'mistake' : 'mistakes'}:\n${lines.join('\n')}`);
    this.name = 'DslErrors';
  }
}
Object.defineProperty(DslErrors.prototype, DSL_ERRORS, { value: true });

/** Whether a value is a {@link DslErrors}, thrown by this copy of argosy or another. */
export function isDslErrors(value: unknown): value is DslErrors {
  return typeof value === 'object' && value !== null && (value as { [DSL_ERRORS]?: unknown })[DSL_ERRORS] === true;
}

/**
 * The same mistake seen from where it is used: `prefix` goes before its path (e.g. the
 * deployment a strategy belongs to), and the stack stays the original one, which points at the
 * line that made the mistake.
 */
export function withPathPrefix(e: DslError, prefix: readonly PathSegment[]): DslError {
  const moved = new DslError({ ...e.parts, path: [...prefix, ...e.parts.path] });
  const frames = e.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames) moved.stack = [`${moved.name}: ${moved.message}`, ...frames].join('\n');
  return moved;
}

/**
 * Renders error parts in the single format users see everywhere.
 *
 * @example
 * ```ts
 * formatDslError({ path: ['pipeline "a"', 'task "b"'], problem: 'bad', got: 3, fix: 'Do better' });
 * // 'pipeline "a" > task "b": bad (got 3). Do better.'
 * ```
 */
export function formatDslError(parts: DslErrorParts): string {
  const where = parts.path.length > 0 ? parts.path.join(' > ') : '(project)';
  const got = 'got' in parts ? ` (got ${showValue(parts.got)})` : '';
  const fix = parts.fix ? ` ${ensurePeriod(parts.fix)}` : '';
  return `${where}: ${parts.problem}${got}.${fix}`;
}

/** `text` ending as a sentence: a period unless it already ends with one (or `!`, `?`). */
export function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Short, single-line rendering of any value for error messages: JSON where JSON can say it,
 * and what JSON would hide spelled out (`NaN`, `Infinity`, `a function`, `undefined`), so a
 * message never claims `got null` for NaN or `got {}` for an object holding a function.
 * Never throws, whatever the value holds (cycles, throwing `toJSON`). Cut to `maxLength`
 * characters; pass `Infinity` where the text is used as a value rather than only read.
 */
export function showValue(value: unknown, maxLength = 80): string {
  const text = render(value, new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}

/**
 * A method by which a value says how error messages show it, e.g. a reference as
 * `extract.outputs.table` rather than its internals. A registry symbol, so it works across copies.
 */
export const DESCRIBE = Symbol.for('argosy.describe');

function render(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'function':
      return 'a function';
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  const o = value as object;
  if (seen.has(o)) return '[circular]';
  seen.add(o);
  try {
    const describe = (o as { [DESCRIBE]?: unknown })[DESCRIBE];
    if (typeof describe === 'function') return String(describe.call(o));
    const json = (o as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return render(json.call(o), seen);
    if (Array.isArray(o)) return `[${o.map((v) => render(v, seen)).join(',')}]`;
    return `{${Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}:${render(v, seen)}`)
      .join(',')}}`;
  } catch {
    return Array.isArray(o) ? 'a list' : 'an object';
  } finally {
    seen.delete(o);
  }
}

/**
 * "a" or "an" before a word in a message, by its first letter (`an int`, `a float`, `an HTML`).
 *
 * @example
 * ```ts
 * `Pass ${article(type)} ${type} literal`; // "Pass an int literal"
 * ```
 */
export function article(word: string): string {
  return /^(?:[aeiou]|HTML\b)/i.test(word) ? 'an' : 'a';
}

/** Builds the path segment for a named thing: `kind "name"`. */
export function seg(kind: string, name: string): PathSegment {
  return `${kind} "${name}"`;
}
