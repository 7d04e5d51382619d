// The reference project (pipelines/, the app of cdk8s.yaml) synthesized through the real CLI, a
// fresh process per run with its output already present: what a user waits for after an edit.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, table } from './stats.ts';
import { runCli, type CliRun } from './whole-process.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One way of running the CLI: the compiled build/ (what the package ships) or the sources. */
export interface ReferenceMode {
  readonly mode: 'compiled' | 'sources';
  /** The first run: it may also fill the project-bundle cache (~/.cache/argosy/projects). */
  readonly first: CliRun;
  /** The runs after it (cold processes: each starts Node, loads Argosy and the project afresh). */
  readonly runs: readonly CliRun[];
}

/** Whether build/ is at least as new as every source synth/bin.mjs compares it with (else bin.mjs runs the sources). */
function buildIsFresh(): boolean {
  if (!existsSync(join(ROOT, 'build', '.built'))) return false;
  const built = statSync(join(ROOT, 'build', '.built')).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory()
        ? newer(join(dir, e.name))
        : /\.(ts|py)$/.test(e.name) && statSync(join(dir, e.name)).mtimeMs > built,
    );
  return !['dsl', 'charts', 'synth', 'components/library', 'components/scripts'].some(
    (d) => existsSync(join(ROOT, d)) && newer(join(ROOT, d)),
  );
}

/**
 * `argosy synth` of the reference project, `repeats` runs per mode after a first one, into a
 * temporary output directory the first run fills. The compiled mode runs when build/ is up to date
 * (`npm run build` first).
 */
export function referenceSynth(repeats: number): ReferenceMode[] {
  const modes: { mode: ReferenceMode['mode']; env: NodeJS.ProcessEnv }[] = [
    ...(buildIsFresh() ? [{ mode: 'compiled' as const, env: { ...process.env, ARGOSY_SOURCE: '' } }] : []),
    { mode: 'sources', env: { ...process.env, ARGOSY_SOURCE: '1' } },
  ];
  return modes.map(({ mode, env }) => {
    const root = mkdtempSync(join(tmpdir(), 'argosy-bench-reference-'));
    try {
      const args = ['synth', '--out', join(root, 'dist')];
      const first = runCli(args, env);
      return { mode, first, runs: Array.from({ length: repeats }, () => runCli(args, env)) };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

const cpu = (r: CliRun): number | undefined =>
  r.userMs === undefined || r.systemMs === undefined ? undefined : r.userMs + r.systemMs;
const med = (runs: readonly CliRun[], f: (r: CliRun) => number | undefined): number | undefined => {
  const xs = runs.map(f).filter((x): x is number => x !== undefined);
  return xs.length > 0 ? median(xs) : undefined;
};
const range = (runs: readonly CliRun[], f: (r: CliRun) => number | undefined): string => {
  const xs = runs.map(f).filter((x): x is number => x !== undefined);
  return xs.length > 0 ? `${ms(Math.min(...xs))}-${ms(Math.max(...xs))}` : '-';
};

/** The printed table of {@link referenceSynth}. */
export function referenceReport(modes: readonly ReferenceMode[]): string[] {
  if (modes.length === 0) return [];
  const runs = modes[0]?.runs.length ?? 0;
  return [
    `Reference project: \`argosy synth\` (pipelines/, cdk8s.yaml's app), a fresh process per run, output present (ms, median of ${runs} runs after the first):`,
    ...table(
      ['mode', 'CPU (user+sys)', 'CPU range', 'wall', 'first run wall', 'first run CPU', 'peak MB'],
      modes.map((m) => [
        m.mode,
        ms(med(m.runs, cpu)),
        range(m.runs, cpu),
        ms(med(m.runs, (r) => r.wallMs)),
        ms(m.first.wallMs),
        ms(cpu(m.first)),
        (med(m.runs, (r) => r.peakMb) ?? 0).toFixed(0),
      ]),
    ),
  ];
}
