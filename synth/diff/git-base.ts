import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../load-app.ts';

function git(args: readonly string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0)
    throw new UsageError(
      `git ${args.join(' ')}: ${(r.stderr || r.stdout || 'failed').trim().split('\n')[0]} (got exit ${r.status}). Check that git works in this checkout, then diff again`,
    );
  return r.stdout.trim();
}

/**
 * The commit `ref` names in the git checkout holding `projectDir`. Called before any progress
 * is printed, so a mistyped --base fails at once, as a usage error naming it.
 */
export function resolveBase(ref: string, projectDir: string): string {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: projectDir, encoding: 'utf8' });
  if (top.status !== 0) {
    throw new UsageError(
      `${projectDir}: not inside a git checkout (got ${(top.stderr || top.error?.message || `exit ${top.status}`).trim().split('\n')[0]}). Run argosy diff inside a git checkout, or pass two directories to compare`,
    );
  }
  const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: projectDir,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new UsageError(
      `--base ${ref}: no such commit in this repository (got ${JSON.stringify(ref)}). Pass a branch, tag or commit that exists, e.g. --base origin/main (git fetch it first if it is remote)`,
    );
  }
  return r.stdout.trim();
}

/** Synthesizes the checkout in `projectDir` into `outDir` (the default runs that checkout's own CLI). */
export type SynthesizeCheckout = (projectDir: string, outDir: string) => void;

/** This CLI's own entry: synth/bin.mjs beside the sources, three folders up from build/synth/diff/. */
const OWN_BIN = ['../bin.mjs', '../../../synth/bin.mjs']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p));

/**
 * Synthesizes the checked-out revision in a child process. In Argosy's own repository that is the
 * revision's `synth/bin.mjs`, so the base is built with the engine it had; in a project that
 * installs argosy, the running CLI (the base's node_modules are the current ones anyway). A
 * revision without the app entry synthesizes to nothing.
 */
export function cliSynthesizer(app: string): SynthesizeCheckout {
  return (projectDir, outDir) => {
    if (!existsSync(join(projectDir, app))) return;
    const own = join(projectDir, 'synth', 'bin.mjs');
    const bin = existsSync(own) ? own : OWN_BIN;
    if (!bin) return;
    const r = spawnSync(process.execPath, [bin, 'synth', '--app', app, '--out', outDir], {
      cwd: projectDir,
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      const why = (r.stderr || r.stdout)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('synthesized '))
        .slice(-3)
        .join(' ');
      throw new UsageError(
        `${app}: the base revision does not synthesize (got exit ${r.status}: ${why || 'no output'}). Diff against a ref that synthesizes, or fix it there`,
      );
    }
  };
}

/**
 * Checks `commit` (from {@link resolveBase}) out into a temporary git worktree, synthesizes it
 * there and hands the output directory to `use`. The worktree is removed afterwards, whatever happens.
 */
export function withBaseTree<T>(
  commit: string,
  projectDir: string,
  synthesizeCheckout: SynthesizeCheckout,
  use: (outDir: string) => T,
): T {
  const top = git(['rev-parse', '--show-toplevel'], projectDir);
  const prefix = git(['rev-parse', '--show-prefix'], projectDir);
  const tmp = mkdtempSync(join(tmpdir(), 'argosy-diff-'));
  const worktree = join(tmp, 'base');
  try {
    git(['worktree', 'add', '--detach', '--quiet', worktree, commit], top);
    const baseProject = resolve(worktree, prefix);
    // The base checkout has no node_modules of its own; the current one is close enough to run it.
    const modules = resolve(projectDir, 'node_modules');
    if (existsSync(baseProject) && existsSync(modules) && !existsSync(join(baseProject, 'node_modules')))
      symlinkSync(modules, join(baseProject, 'node_modules'), 'dir');
    const out = join(tmp, 'out');
    if (existsSync(baseProject)) synthesizeCheckout(baseProject, out);
    return use(out);
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: top });
    rmSync(tmp, { recursive: true, force: true });
  }
}
