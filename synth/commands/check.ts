import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildProject, synthesizeProject } from '../build-project.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CommandIO } from '../command-io.ts';
import { appEntry } from '../load-app.ts';
import { reportError } from '../report.ts';

export interface CheckCommandOptions {
  readonly app?: string;
  /** The tsconfig that describes the project (default tsconfig.json). */
  readonly project?: string;
}

/** The project's own TypeScript compiler (a devDependency of the project, not of Argosy). */
function projectTsc(cwd: string): string | undefined {
  try {
    return createRequire(resolve(cwd, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/**
 * `argosy check`: type-checks the project with its own tsconfig and TypeScript (tsc's errors,
 * unchanged), then builds and synthesizes it in memory (the DSL's errors, as `argosy synth`
 * prints them). Writes nothing. Exit 1 on any error, 2 when there is nothing to check with.
 *
 * @example
 * ```ts
 * await runCheck({}, processIO()); // 0: "✓ types and project OK"
 * ```
 */
export async function runCheck(opts: CheckCommandOptions, io: CommandIO, cwd = process.cwd()): Promise<number> {
  const tsconfig = opts.project ?? 'tsconfig.json';
  if (!existsSync(resolve(cwd, tsconfig))) {
    io.err(
      `✗ ${tsconfig}: not found (got ${resolve(cwd, tsconfig)}). Run argosy check in the project, or pass --project <tsconfig>.`,
    );
    return EXIT_USAGE;
  }
  const tsc = projectTsc(cwd);
  if (!tsc) {
    io.err(
      '✗ typescript: not installed in this project (got no typescript/bin/tsc). Run npm install --save-dev typescript.',
    );
    return EXIT_USAGE;
  }
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', tsconfig, '--pretty', 'false'], {
    cwd,
    encoding: 'utf8',
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trimEnd();
  if (r.status !== 0) {
    if (output) output.split('\n').forEach((line) => io.err(line));
    io.err(`✗ type errors: tsc -p ${tsconfig} exited ${r.status ?? r.signal}. Fix them, then check again.`);
    return EXIT_FINDINGS;
  }
  try {
    const { ir } = await buildProject(appEntry(opts.app, cwd), cwd);
    const files = synthesizeProject(ir);
    io.out(`✓ types and project OK (${files.length} files would be written)`);
    return EXIT_OK;
  } catch (e) {
    return reportError(e, io);
  }
}
