import type { InProcessResult, RepeatTimes } from './in-process.ts';
import { referenceReport, type ReferenceMode } from './reference-synth.ts';
import { median, ms, ratio, summarize, table, type Summary } from './stats.ts';
import type { CliRun } from './whole-process.ts';
import type { Workload } from './workloads.ts';

interface Result {
  readonly date: string;
  readonly machine: { readonly cpus: number; readonly cpu: string; readonly memoryGb: number; readonly node: string };
  readonly workloads: readonly {
    readonly workload: Workload;
    readonly units: number;
    readonly inProcess: InProcessResult;
    readonly cli?: { readonly synth: readonly CliRun[]; readonly validate: readonly CliRun[] };
  }[];
  readonly reference?: readonly ReferenceMode[];
}

/** The in-process path: every phase from the DSL to files on disk. */
export const total = (t: RepeatTimes): number => t.dsl + t.ir + t.charts + t.serialize + t.budget + t.write;
/** The floor: the same objects dumped with js-yaml and written with writeFileSync. */
export const floor = (t: RepeatTimes): number => t.floorSerialize + t.floorWrite;

const phase = (rs: readonly RepeatTimes[], f: (t: RepeatTimes) => number): Summary => summarize(rs.map(f));
const mb = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(0));
const med = (runs: readonly CliRun[], f: (r: CliRun) => number | undefined): number | undefined => {
  const warm = (runs.length > 1 ? runs.slice(1) : runs).map(f).filter((x): x is number => x !== undefined);
  return warm.length > 0 ? median(warm) : undefined;
};

/** The printed report: three tables, growth with N, and the targets (reported, not asserted). */
export function report(result: Result): string[] {
  const ws = result.workloads;
  const lines = [
    `argosy bench, ${result.date}, ${result.machine.cpus} x ${result.machine.cpu}, ${result.machine.memoryGb} GB, node ${result.machine.node}`,
    '',
    'In process (ms, median of the warm repeats; ratio = whole path incl. writing / floor, per repeat):',
    ...table(
      [
        'workload',
        'files',
        'build',
        'charts',
        'serialize',
        'budget',
        'write',
        'total',
        'floor',
        'ratio',
        'min',
        'cold',
        'us/unit',
        'peak MB',
      ],
      ws.map(({ workload: w, units, inProcess: p }) => {
        const rs = p.repeats;
        const ratios = summarize(rs.map((t) => total(t) / floor(t)));
        const tot = phase(rs, total);
        return [
          w.id,
          String(p.files),
          ms(phase(rs, (t) => t.dsl + t.ir).median),
          ms(phase(rs, (t) => t.charts).median),
          ms(phase(rs, (t) => t.serialize).median),
          ms(phase(rs, (t) => t.budget).median),
          ms(phase(rs, (t) => t.write).median),
          ms(tot.median),
          ms(phase(rs, floor).median),
          ratio(ratios.median),
          ratio(ratios.min),
          ratio(ratios.cold),
          ((tot.median * 1000) / units).toFixed(0),
          mb(p.synthPeakMb),
        ];
      }),
    ),
    '',
    'argosy validate of each output (ms; in process: parse + check, median of warm repeats; CLI: one process per run):',
    ...table(
      ['workload', 'errors', 'parse', 'check', 'total', 'cold', 'CLI wall', 'CLI cold', 'CLI user', 'CLI peak MB'],
      ws.map(({ workload: w, inProcess: p, cli }) => {
        const v = p.repeats.filter((t) => t.validateCheck !== undefined);
        const sum = v.length > 0 ? summarize(v.map((t) => (t.validateParse ?? 0) + (t.validateCheck ?? 0))) : undefined;
        return [
          w.id,
          String(p.validationErrors ?? '-'),
          ms(v.length > 0 ? phase(v, (t) => t.validateParse ?? 0).median : undefined),
          ms(v.length > 0 ? phase(v, (t) => t.validateCheck ?? 0).median : undefined),
          ms(sum?.median),
          ms(sum?.cold),
          ms(cli ? med(cli.validate, (r) => r.wallMs) : undefined),
          ms(cli?.validate[0]?.wallMs),
          ms(cli ? med(cli.validate, (r) => r.userMs) : undefined),
          mb(cli ? med(cli.validate, (r) => r.peakMb) : undefined),
        ];
      }),
    ),
  ];
  if (ws.some((w) => w.cli)) {
    lines.push(
      '',
      'Whole process: `argosy synth --app bench/bench-app.ts` (ms, median of the warm runs):',
      ...table(
        ['workload', 'wall', 'cold', 'user', 'system', 'peak MB', 'vs in process'],
        ws.flatMap(({ workload: w, inProcess: p, cli }) => {
          if (!cli) return [];
          const wall = med(cli.synth, (r) => r.wallMs);
          return [
            [
              w.id,
              ms(wall),
              ms(cli.synth[0]?.wallMs),
              ms(med(cli.synth, (r) => r.userMs)),
              ms(med(cli.synth, (r) => r.systemMs)),
              mb(med(cli.synth, (r) => r.peakMb)),
              ratio(wall === undefined ? undefined : wall / phase(p.repeats, total).median),
            ],
          ];
        }),
      ),
    );
  }
  if (result.reference && result.reference.length > 0) lines.push('', ...referenceReport(result.reference));
  lines.push('', ...targets(result));
  return lines;
}

/** The targets, reported against this run (never asserted). */
function targets(result: Result): string[] {
  const pipelines = result.workloads.filter((w) => w.workload.kind === 'pipelines' && w.workload.target === 'argo');
  const at = (n: number) => pipelines.find((w) => w.workload.n === n);
  const mark = (ok: boolean): string => (ok ? '✓' : '✗');
  const out = ['Targets (reported, not asserted):'];
  const n1000 = at(1000);
  if (n1000) {
    const r = summarize(n1000.inProcess.repeats.map((t) => total(t) / floor(t)));
    out.push(
      `  ${mark(r.median <= 2.5)} whole in-process path incl. writing <= 2.5x the floor at N=1000: ${ratio(r.median)}x (min ${ratio(r.min)}x)`,
    );
  }
  const from = at(100);
  const largest = pipelines.reduce<(typeof pipelines)[number] | undefined>(
    (a, b) => (!a || b.workload.n > a.workload.n ? b : a),
    undefined,
  );
  if (from && largest && largest.workload.n > 100) {
    const perUnit = (w: typeof from): number => phase(w.inProcess.repeats, total).median / w.units;
    const growth = perUnit(largest) / perUnit(from);
    out.push(
      `  ${mark(growth <= 1.25)} linear from N=100 to ${largest.workload.n}: time per task x${growth.toFixed(2)} (1.00 is linear; ✓ up to 1.25)`,
    );
  }
  const compiled = result.reference?.find((m) => m.mode === 'compiled');
  const cpus = compiled?.runs.flatMap((r) => (r.userMs === undefined ? [] : [r.userMs + (r.systemMs ?? 0)])) ?? [];
  if (cpus.length > 0) {
    // Half the 2.4-2.7 s CPU the reference synth took before issue 18 (2026-12-07, this machine).
    out.push(
      `  ${mark(median(cpus) <= 1250)} reference \`argosy synth\`, compiled, at least 2x faster than before issue 18 (<= 1250 ms CPU): ${ms(median(cpus))} ms`,
    );
  }
  const n5000 = at(5000);
  if (n5000) {
    const cliPeak = n5000.cli ? med(n5000.cli.synth, (r) => r.peakMb) : undefined;
    const peak = Math.max(n5000.inProcess.synthPeakMb, cliPeak ?? 0);
    out.push(
      `  ${mark(peak < 600)} < 600 MB at N=5000: ${mb(n5000.inProcess.synthPeakMb)} MB in process, ${mb(cliPeak)} MB through the CLI`,
    );
  }
  return out;
}
