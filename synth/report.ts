import { DslError } from '../dsl/errors.ts';
import { UsageError } from './load-app.ts';
import { WriteError } from './writer.ts';

/** Where a command writes; tests pass buffers, the CLI passes the process streams. */
export interface CommandIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether to use colours (stdout is a terminal). */
  readonly color: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function processIO(): CommandIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/**
 * Turns any error into a readable report and an exit code: user mistakes get their message
 * without a stack trace; unexpected errors say so and how to see more.
 */
export function reportError(e: unknown, io: CommandIO): number {
  if (e instanceof UsageError) {
    io.err(`✗ ${e.message}`);
    return EXIT_USAGE;
  }
  if (e instanceof DslError || e instanceof WriteError) {
    io.err(`✗ ${e.message}`);
    return EXIT_FINDINGS;
  }
  const err = e as { message?: string; stack?: string };
  const message = err?.message ?? String(e);
  io.err(`✗ ${message.split('\n')[0]}`);
  if (process.env.ARGOSY_DEBUG) io.err(err?.stack ?? '');
  else io.err('  (set ARGOSY_DEBUG=1 to see where this came from)');
  return EXIT_FINDINGS;
}
