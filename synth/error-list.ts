import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DslError } from '../dsl/errors.ts';

/** How many mistakes are listed before the rest are only counted. */
export const MAX_LISTED = 50;

// Argosy's own code, as laid out beside this module (sources, or a compiled copy of the tree).
const OWN = ['../dsl/', '../charts/', './'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** Where a mistake was made: the user's file and line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):\d+\)?$/;

/**
 * The user's line that made a mistake: the first frame of the error's stack outside Argosy's own
 * code, Node's internals and installed packages (a project's own files, `components/` and
 * `pipelines/` here included). Undefined when the stack has none, e.g. for a mistake found while
 * the whole project is resolved rather than where one thing is defined.
 */
export function userLocation(stack: string | undefined, cwd = process.cwd()): SourceLocation | undefined {
  for (const text of (stack ?? '').split('\n').slice(1)) {
    const m = FRAME.exec(text);
    if (!m) continue;
    let file = m[1] as string;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (!isAbsolute(file) || file.includes(`${sep}node_modules${sep}`) || OWN.some((dir) => file.startsWith(dir)))
      continue;
    const rel = relative(cwd, file);
    return { file: rel.startsWith('..') ? file : rel, line: Number(m[2]) };
  }
  return undefined;
}

/** One mistake as the CLI lists it. */
export interface ListedError {
  readonly location?: SourceLocation;
  readonly message: string;
  /** The DSL path, joined, for sorting. */
  readonly path: string;
}

/**
 * Every mistake once, in a stable order: by file (mistakes without one last), then by the DSL path
 * (`pipeline "a" > task "b"`), then by line; the same mistake reached twice (an app built once per
 * environment) is listed once.
 */
export function listErrors(errors: readonly DslError[], cwd = process.cwd()): ListedError[] {
  const seen = new Set<string>();
  const listed: ListedError[] = [];
  for (const e of errors) {
    const location = userLocation(e.stack, cwd);
    const key = `${location ? `${location.file}:${location.line}` : ''}\n${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    listed.push({ ...(location ? { location } : {}), message: e.message, path: e.parts.path.join(' > ') });
  }
  const by = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return listed.sort(
    (a, b) =>
      (a.location ? 0 : 1) - (b.location ? 0 : 1) ||
      by(a.location?.file ?? '', b.location?.file ?? '') ||
      by(a.path, b.path) ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      by(a.message, b.message),
  );
}

/**
 * The lines the CLI prints for a build's mistakes: each as `<file>:<line>: <message>`, the first
 * {@link MAX_LISTED}, then how many more there are, then the count.
 */
export function renderErrorList(errors: readonly DslError[], cwd = process.cwd()): string[] {
  const listed = listErrors(errors, cwd);
  const lines = listed
    .slice(0, MAX_LISTED)
    .map((e) => `✗ ${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.message}`);
  if (listed.length > MAX_LISTED) lines.push(`✗ ... and ${listed.length - MAX_LISTED} more`);
  lines.push(`✗ ${listed.length} ${listed.length === 1 ? 'mistake' : 'mistakes'} in the project.`);
  return lines;
}
