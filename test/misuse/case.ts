import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { main } from '../../synth/cli.ts';
import { reportError } from '../../synth/report.ts';
import { captureIO } from '../capture-io.ts';

/**
 * One misuse: what a user did, and exactly what Argosy must answer. `run` returns the exit code
 * and every line printed (stdout and stderr, in that order). In `files`, `argv` and the expected
 * lines, `{dir}` stands for the case's temporary directory.
 */
export interface MisuseCase {
  readonly name: string;
  readonly run: (dir: string) => Promise<{ code: number; lines: string[] }>;
  readonly code: number;
  readonly lines: readonly string[];
}

/** A case that runs the CLI on files written to a temporary directory. */
export function cli(
  name: string,
  argv: readonly string[],
  files: Readonly<Record<string, string | Buffer | ((dir: string) => void)>>,
  code: number,
  lines: readonly string[],
): MisuseCase {
  return {
    name,
    code,
    lines,
    run: async (dir) => {
      for (const [path, content] of Object.entries(files)) {
        if (typeof content === 'function') content(dir);
        else {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
      }
      const io = captureIO();
      const c = await main(
        argv.map((a) => a.replaceAll('{dir}', dir)),
        io,
      );
      return { code: c, lines: normalize([...io.lines, ...io.errs], dir) };
    },
  };
}

/**
 * The lines with the case directory as `{dir}` (absolute, or relative to the working directory
 * as validate prints it), and commander's usage text after an error cut: it lists every option
 * of every command, which is not what a case is about.
 */
function normalize(lines: readonly string[], dir: string): string[] {
  return lines
    .filter((l, i) => !(l === '' && lines[i + 1]?.startsWith('Usage:')) && !l.startsWith('Usage:'))
    .map((l) => l.replaceAll(relative(process.cwd(), dir), '{dir}').replaceAll(dir, '{dir}'));
}

/** A case that calls the DSL the wrong way: the error is reported as `argosy synth` reports it. */
export function dsl(name: string, thunk: () => unknown, lines: readonly string[]): MisuseCase {
  return {
    name,
    code: 1,
    lines,
    run: async () => {
      const io = captureIO();
      try {
        thunk();
      } catch (e) {
        return { code: reportError(e, io), lines: io.errs };
      }
      return { code: 0, lines: [] };
    },
  };
}

/**
 * A fresh directory per case.
 *
 * @example
 * ```ts
 * const dir = caseDir();
 * ```
 */
export function caseDir(): string {
  return mkdtempSync(join(tmpdir(), 'argosy-misuse-'));
}
