/**
 * Where a command writes, and its exit codes: all the CLI's dispatcher needs, in a module that
 * imports nothing, so `argosy --help` loads no command's dependencies.
 *
 * @example
 * ```ts
 * const io = processIO();
 * io.out('✓ done');
 * process.exitCode = EXIT_OK;
 * ```
 */
export interface CommandIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether to use colours (stdout is a terminal). */
  readonly color: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** The process's own streams (tests pass buffers instead). */
export function processIO(): CommandIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}
