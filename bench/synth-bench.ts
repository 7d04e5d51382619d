// `npm run bench` (`npm run bench -- --quick` for a smoke run): what synthesis and validation cost,
// phase by phase, against a floor measured in the same process and run: the same final objects
// serialized with js-yaml (same options) and written with fs.writeFileSync. Ratios are taken per
// repeat (both sides of one repeat), then the median and min over the warm repeats; the first
// (cold) repeat is reported apart. The same workloads also run through the real CLI, one process
// per run (3 by default). `argosy validate` of each output runs twice per mode, once past
// N=1000: it costs several times the synthesis. Prints tables and writes a JSON result file
// (bench/results/, not committed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { InProcessResult } from './in-process.ts';
import { referenceSynth, type ReferenceMode } from './reference-synth.ts';
import { report } from './report.ts';
import { runCli, type CliRun } from './whole-process.ts';
import { unitsOf, workload, WORKLOAD_ENV, type Workload } from './workloads.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const list = (s: string): number[] => (s === '' ? [] : s.split(',').map(Number));

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    kfp: { type: 'string' },
    deployments: { type: 'string' },
    repeats: { type: 'string' },
    'validate-repeats': { type: 'string' },
    'cli-repeats': { type: 'string' },
    'reference-repeats': { type: 'string' },
    'no-cli': { type: 'boolean', default: false },
    'no-validate': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const quick = args.quick === true;
const sizes = list(args.sizes ?? (quick ? '10,100' : '10,100,1000,5000'));
const kfpSizes = list(args.kfp ?? (quick ? '10' : '100,1000'));
const deploymentCopies = list(args.deployments ?? (quick ? '1' : '5'));
const repeats = Number(args.repeats ?? (quick ? 3 : 6));
// Validating a tree costs several times synthesizing it, and the CLI adds a process start per
// run: fewer of those keeps the default run to a few minutes on 2 cores. Past 20,000 tasks
// validate runs once per mode unless --validate-repeats says otherwise.
const validateRepeats = Number(args['validate-repeats'] ?? 2);
const validateRepeatsFor = (w: Workload): number =>
  args['validate-repeats'] === undefined && unitsOf(w) > 20_000 ? 1 : validateRepeats;
const cliRepeats = Number(args['cli-repeats'] ?? (quick ? 2 : 3));
// The reference project through the CLI, per mode (compiled build/, sources): a fresh process per run.
const referenceRepeats = Number(args['reference-repeats'] ?? (quick ? 2 : 5));
const validate = args['no-validate'] !== true;
const cli = args['no-cli'] !== true;
if (!Number.isInteger(repeats) || repeats < 2)
  throw new Error(`--repeats ${repeats}: at least 2 (a cold one and a warm one). Pass --repeats 6 for 5 warm repeats`);
if (!Number.isInteger(referenceRepeats) || referenceRepeats < 0)
  throw new Error(`--reference-repeats ${referenceRepeats}: a whole number. Pass --reference-repeats 5, or 0 to skip`);
if (!Number.isInteger(cliRepeats) || cliRepeats < 1)
  throw new Error(`--cli-repeats ${cliRepeats}: at least 1. Pass --cli-repeats 3 for a cold run and two warm ones`);
const schemas = [resolve(ROOT, '..', 'shared', 'schemas'), process.env.ARGOSY_BENCH_SCHEMAS ?? '']
  .reverse()
  .find((d) => d !== '' && existsSync(d));

const workloads: Workload[] = [
  ...sizes.map((n) => workload('pipelines', n)),
  ...kfpSizes.map((n) => workload('pipelines', n, 'kfp')),
  ...deploymentCopies.map((n) => workload('deployments', n)),
];

export interface WorkloadResult {
  readonly workload: Workload;
  readonly units: number;
  readonly inProcess: InProcessResult;
  readonly cli?: { readonly synth: readonly CliRun[]; readonly validate: readonly CliRun[] };
}

const env = (w: Workload, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  [WORKLOAD_ENV]: JSON.stringify(w),
  ...extra,
});

/** The in-process measurement, in a fresh process so its peak memory belongs to this workload alone. */
function inProcess(w: Workload): InProcessResult {
  const r = spawnSync(
    process.execPath,
    // The sources, not build/: a bench measures the code as it is now.
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--conditions=argosy-source',
      '--import',
      'tsx',
      join(ROOT, 'bench', 'in-process.ts'),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: env(w, {
        ARGOSY_BENCH_REPEATS: String(repeats),
        ARGOSY_BENCH_VALIDATE_REPEATS: validate ? String(validateRepeatsFor(w)) : '0',
        ARGOSY_BENCH_SCHEMAS: schemas ?? '',
      }),
    },
  );
  if (r.status !== 0) throw new Error(`bench of ${w.id} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as InProcessResult;
}

/** `argosy synth` and `argosy validate` of the workload through the real CLI, a process per run. */
function wholeProcess(w: Workload): NonNullable<WorkloadResult['cli']> {
  const root = mkdtempSync(join(tmpdir(), 'argosy-bench-cli-'));
  try {
    const out = join(root, 'dist');
    const synth = Array.from({ length: cliRepeats }, () => {
      rmSync(out, { recursive: true, force: true });
      return runCli(['synth', '--app', 'bench/bench-app.ts', '--out', out, '--target', w.target], env(w));
    });
    const schemaArgs = schemas ? ['--schema-location', schemas] : [];
    // Findings (exit 1) are expected: the generated pipelines set no resources.
    const checks = validate
      ? Array.from({ length: validateRepeatsFor(w) }, () => runCli(['validate', out, ...schemaArgs], env(w), [0, 1]))
      : [];
    return { synth, validate: checks };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const started = new Date();
const load = { start: loadavg(), end: [] as number[] };
const results: WorkloadResult[] = [];
let reference: ReferenceMode[] = [];
const elapsedS = (): number => (Date.now() - started.getTime()) / 1000;
const file = resolve(
  args.json ?? join(ROOT, 'bench', 'results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`),
);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  // The machine may be shared: the load around the run says how much to trust the wall times.
  loadavg: load,
};
/** Written after every workload, so an interrupted run keeps what it measured (`complete: false`). */
function save(complete: boolean) {
  const result = {
    date: started.toISOString(),
    complete,
    machine,
    options: { quick, repeats, validateRepeats, cliRepeats, validate, cli, schemas: schemas ?? null },
    elapsedS: elapsedS(),
    workloads: results,
    reference,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

for (const w of workloads) {
  process.stderr.write(`  [${elapsedS().toFixed(0)} s] ${w.id}: in process, ${repeats} repeats...\n`);
  const inProc = inProcess(w);
  let cliResult: WorkloadResult['cli'];
  if (cli) {
    process.stderr.write(`  [${elapsedS().toFixed(0)} s] ${w.id}: through the CLI, ${cliRepeats} runs...\n`);
    cliResult = wholeProcess(w);
  }
  results.push({ workload: w, units: unitsOf(w), inProcess: inProc, ...(cliResult ? { cli: cliResult } : {}) });
  load.end = loadavg();
  save(false);
}

if (cli && referenceRepeats > 0) {
  process.stderr.write(
    `  [${elapsedS().toFixed(0)} s] reference project: argosy synth, ${referenceRepeats} runs per mode...\n`,
  );
  reference = referenceSynth(referenceRepeats);
  load.end = loadavg();
}

const result = save(true);
for (const line of report(result)) console.log(line);
console.log(`\nbench took ${result.elapsedS.toFixed(0)} s`);
console.log(`\nresults: ${file}`);
