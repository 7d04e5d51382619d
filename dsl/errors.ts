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

function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Short, single-line rendering of any value for error messages. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Builds the path segment for a named thing: `kind "name"`. */
export function seg(kind: string, name: string): PathSegment {
  return `${kind} "${name}"`;
}
