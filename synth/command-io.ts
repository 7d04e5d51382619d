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

let quietOnClosedPipe = false;

/**
 * The process's own streams (tests pass buffers instead).
 *
 * @example
 * ```ts
 * processIO().out('flowchart TD'); // `argosy graph x | head -1` ends quietly, not with an EPIPE trace
 * ```
 */
export function processIO(): CommandIO {
  if (!quietOnClosedPipe) {
    quietOnClosedPipe = true;
    // A reader that stops early (`| head`) closes the pipe; like other Unix tools, the command then
    // ends at once instead of dying on an unhandled EPIPE with a stack trace.
    for (const stream of [process.stdout, process.stderr])
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        process.exit(process.exitCode ?? 0);
      });
  }
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}
