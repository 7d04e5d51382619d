import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../shared-dir.ts';

/**
 * Where the test tools (kube-apiserver, argo-lint, the Python venv) are cached between runs:
 * `${XDG_CACHE_HOME:-~/.cache}/argosy/`, as `argosy schemas pull` does.
 */
export function cacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'argosy');
}

/** Progress of long steps goes to stderr, so it shows in CI logs while vitest buffers test output. */
export function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

export function shortHash(...parts: readonly (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 12);
}

function run(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd}: could not run (got ${r.error.message}). Install it or put it on PATH.`);
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

export interface GoTool {
  /** Directory of the pinned module (go.mod + go.sum), relative to the project root. */
  readonly module: string;
  /** Package to build (a main package of the module or one its go.mod names as a `tool`). */
  readonly pkg: string;
  readonly name: string;
  /** Extra linker flags (e.g. version stamps); part of the cache key. */
  readonly ldflags?: string;
}

/** The module version a go.mod requires of `path` (for cache directory names people can read). */
export function requiredVersion(goMod: string, path: string): string | undefined {
  const re = new RegExp(`^\\s*(?:require\\s+)?${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+(v\\S+)`, 'm');
  return re.exec(goMod)?.[1];
}

/**
 * The path of a Go test tool, built once from its pinned module and cached under
 * `<cache>/bin/<name>-<key>/`, the key hashing go.mod, go.sum, the sources, the Go version and
 * the flags: a cached binary starts at once, a changed pin builds anew. GOTOOLCHAIN=local:
 * the machine's Go builds it or the build fails, nothing is downloaded behind our back.
 */
export function ensureGoBinary(tool: GoTool): string {
  const dir = resolve(ROOT, tool.module);
  const files = ['go.mod', 'go.sum', ...goSources(dir)].map((f) => readFileSync(join(dir, f)));
  const env = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' };
  const goVersion = run('go', ['env', 'GOVERSION'], { env }).trim();
  const key = shortHash(...files, goVersion, tool.pkg, tool.ldflags ?? '');
  const target = join(cacheRoot(), 'bin', `${tool.name}-${key}`, tool.name);
  if (existsSync(target)) return target;
  const started = Date.now();
  progress(`building ${tool.name} from ${tool.module} with ${goVersion} (cold builds take minutes; cached after)…`);
  mkdirSync(join(cacheRoot(), 'bin', `${tool.name}-${key}`), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    run('go', ['build', '-trimpath', `-ldflags=-s -w ${tool.ldflags ?? ''}`.trim(), '-o', tmp, tool.pkg], {
      cwd: dir,
      env,
    });
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
  progress(`built ${tool.name} in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}

function goSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .sort();
}
