import { isAbsolute, relative } from 'node:path';
import { isDslError, isDslErrors } from '../dsl/errors.ts';
import { renderErrorList } from './error-list.ts';
import { UsageError } from './load-app.ts';
import { WriteError } from './writer.ts';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, processIO, type CommandIO } from './command-io.ts';
import { EXIT_FINDINGS, EXIT_USAGE, type CommandIO } from './command-io.ts';

/**
 * Turns any error into a readable report and an exit code: user mistakes get their message
 * without a stack trace; unexpected errors say so and how to see more.
 */
export function reportError(e: unknown, io: CommandIO): number {
  if (e instanceof UsageError) {
    io.err(`✗ ${e.message}`);
    return EXIT_USAGE;
  }
  if (isDslErrors(e)) {
    renderErrorList(e.errors).forEach((line) => io.err(line));
    return EXIT_FINDINGS;
  }
  if (isDslError(e) || e instanceof WriteError) {
    io.err(`✗ ${e.message}`);
    return EXIT_FINDINGS;
  }
  const syntax = syntaxErrors(e);
  if (syntax) {
    for (const s of syntax)
      io.err(`✗ ${s.where}: ${s.text.replace(/\.$/, '')}. Fix the syntax there (npx tsc --noEmit lists every error).`);
    return EXIT_FINDINGS;
  }
  const err = e as { message?: string; stack?: string };
  const message = err?.message ?? String(e);
  io.err(`✗ ${message.split('\n')[0]}`);
  if (process.env.ARGOSY_DEBUG) io.err(err?.stack ?? '');
  else io.err('  (set ARGOSY_DEBUG=1 to see where this came from)');
  return EXIT_FINDINGS;
}

/** One problem of a file that does not parse, located as `file:line:col`. */
interface SyntaxProblem {
  readonly where: string;
  readonly text: string;
}

const TRANSFORM_LINE = /^(.+?):(\d+):(\d+): ERROR: (.+)$/;

/**
 * The problems of a syntax error in the user's TypeScript, or undefined for any other error.
 * tsx reports esbuild's failures as `Transform failed with N error(s):` followed by one
 * `file:line:col: ERROR: text` line each; esbuild itself attaches them as `errors[]`.
 */
export function syntaxErrors(e: unknown, cwd = process.cwd()): SyntaxProblem[] | undefined {
  const err = e as { message?: unknown; errors?: unknown };
  // esbuild counts columns from 0; editors and tsc count from 1.
  const at = (file: string, line: number | string, column: number | string): string => {
    const rel = isAbsolute(file) ? relative(cwd, file) : file;
    return `${rel.startsWith('..') ? file : rel}:${line}:${Number(column) + 1}`;
  };
  if (
    Array.isArray(err?.errors) &&
    err.errors.length > 0 &&
    err.errors.every((x) => typeof x?.text === 'string' && x.location)
  ) {
    return (err.errors as { text: string; location: { file: string; line: number; column: number } }[]).map((x) => ({
      where: at(x.location.file, x.location.line, x.location.column),
      text: x.text,
    }));
  }
  if (typeof err?.message !== 'string' || !/^Transform failed with \d+ errors?:/.test(err.message)) return undefined;
  const problems = err.message
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const m = TRANSFORM_LINE.exec(line.trim());
      return m ? [{ where: at(m[1] as string, m[2] as string, m[3] as string), text: m[4] as string }] : [];
    });
  return problems.length > 0 ? problems : undefined;
}
