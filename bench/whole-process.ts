// The whole-process mode of `npm run bench`: the real CLI, one process per run, as a user runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GNU_TIME = '/usr/bin/time';

/** The CLI users run: package.json's `bin.argosy`. */
export function cliEntry(): string {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  return resolve(ROOT, pkg.bin?.argosy ?? 'synth/bin.mjs');
}

/** One run of the CLI: wall time always; CPU and peak RSS where GNU time is installed. */
export interface CliRun {
  readonly code: number;
  readonly wallMs: number;
  readonly userMs?: number;
  readonly systemMs?: number;
  readonly peakMb?: number;
}

const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%e', 'true']).status === 0;

/** Runs `argosy <args>` in a new process from the project root; an exit code not in `ok` is an error. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, ok: readonly number[] = [0]): CliRun {
  const command = [process.execPath, cliEntry(), ...args];
  const start = process.hrtime.bigint();
  const r = hasGnuTime
    ? spawnSync(GNU_TIME, ['-f', 'ARGOSY_BENCH_TIME %U %S %M', ...command], { cwd: ROOT, env, encoding: 'utf8' })
    : spawnSync(command[0] as string, command.slice(1), { cwd: ROOT, env, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  const code = r.status ?? 1;
  const usage = /ARGOSY_BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!ok.includes(code)) throw new Error(`argosy ${args.join(' ')} failed (exit ${code}):\n${r.stderr}`);
  return usage
    ? {
        code,
        wallMs,
        userMs: Number(usage[1]) * 1000,
        systemMs: Number(usage[2]) * 1000,
        peakMb: Number(usage[3]) / 1024,
      }
    : { code, wallMs };
}
