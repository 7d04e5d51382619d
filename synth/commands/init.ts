import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT_OK, EXIT_USAGE, type CommandIO } from '../command-io.ts';
import { scaffoldFiles } from '../init/templates.ts';
import { ARGOSY_VERSION } from '../version.ts';

export interface InitCommandOptions {
  readonly force?: boolean;
}

/** A DNS-label project name from a directory name: `My Project` -> `my-project`. */
function projectName(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return name || 'ml-project';
}

/**
 * `argosy init [dir]`: writes a new project (package.json, tsconfig.json, a container and a
 * Python script component, a pipeline with a weekly schedule, a KServe deployment with a canary,
 * two environments, a test, a GitHub Actions workflow). Refuses, writing nothing, when any of
 * those files exists, unless `force`.
 *
 * @example
 * ```ts
 * await runInit('churn', {}, processIO()); // 0; churn/package.json, churn/pipelines/index.ts, ...
 * ```
 */
export function runInit(dir: string, opts: InitCommandOptions, io: CommandIO): number {
  const files = scaffoldFiles(projectName(dir), ARGOSY_VERSION);
  const existing = [...files.keys()].filter((f) => existsSync(join(dir, f)));
  if (existing.length > 0 && !opts.force) {
    io.err(
      `✗ ${join(dir, existing[0] as string)}: already exists (got ${existing.length} of the ${files.size} files argosy init writes: ${existing.join(', ')}). Run argosy init in an empty directory, or pass --force to overwrite them.`,
    );
    return EXIT_USAGE;
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    io.out(`  wrote ${join(dir, path)}`);
  }
  const cd = resolve(dir) === process.cwd() ? '' : dir;
  io.out(`✓ created an Argosy project in ${dir}. Next:`);
  io.out(`  ${cd ? `cd ${cd} && ` : ''}npm install`);
  io.out('  npx argosy check     # type-check and build the project');
  io.out('  npx argosy synth     # write dist/<environment>/<app>/<kind>.<name>.yaml');
  io.out('  npm test');
  return EXIT_OK;
}
