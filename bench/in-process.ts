// One workload measured in a fresh process (`npm run bench` starts one per workload, so peak
// memory belongs to it alone): every phase of `argosy synth` in this process, each repeat
// followed by the floor, the same final objects serialized with js-yaml and written with
// writeFileSync, and `argosy validate` of the tree just written. Prints JSON on stdout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import { resolveProject } from '../dsl/index.ts';
import { checkSources } from '../synth/commands/validate.ts';
import { renderObjects, serializeFiles } from '../synth/engine.ts';
import { resourceWarnings } from '../synth/resource-warnings.ts';
import { YAML_DUMP_OPTIONS } from '../synth/serialize.ts';
import { readSources } from '../synth/validate/documents.ts';
import { errorCount } from '../synth/validate/finding.ts';
import { budgetProblems } from '../synth/validate/size-budget.ts';
import { writeTree } from '../synth/writer.ts';
import { projectOf, workloadFromEnv } from './workloads.ts';

/** Milliseconds of one repeat, per phase. */
export interface RepeatTimes {
  /** Building the project with the DSL, then resolving it to IR. */
  readonly dsl: number;
  readonly ir: number;
  /** Every target over the IR: the objects. */
  readonly charts: number;
  /** YAML of every file. */
  readonly serialize: number;
  /** Resource warnings and the size budget. */
  readonly budget: number;
  /** writeTree into an empty output directory. */
  readonly write: number;
  /** The floor: js-yaml dump of the same objects, then writeFileSync per file. */
  readonly floorSerialize: number;
  readonly floorWrite: number;
  /** `argosy validate` of the written tree (first repeats only): reading and parsing, then every layer. */
  readonly validateParse?: number;
  readonly validateCheck?: number;
}

export interface InProcessResult {
  readonly repeats: readonly RepeatTimes[];
  readonly files: number;
  readonly bytes: number;
  readonly validationErrors?: number;
  /** Peak RSS once the first repeat has written its tree (before any floor or validate). */
  readonly synthPeakMb: number;
  /** Peak RSS of the whole measurement. */
  readonly peakMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
function time<T>(fn: () => T): [T, number] {
  const start = now();
  const result = fn();
  return [result, now() - start];
}
const rssMb = (): number => process.resourceUsage().maxRSS / 1024;
const silent = { out: (): void => undefined, err: (): void => undefined, color: false };

const w = workloadFromEnv();
const repeatCount = Number(process.env.ARGOSY_BENCH_REPEATS ?? 6);
const schemas = process.env.ARGOSY_BENCH_SCHEMAS || undefined;
// `argosy validate` of the tree is measured in the first repeats only: it is the slowest part.
const validateRepeats = Number(process.env.ARGOSY_BENCH_VALIDATE_REPEATS ?? 3);
const repeats: RepeatTimes[] = [];
let files = 0;
let bytes = 0;
let synthPeakMb = 0;
let validationErrors: number | undefined;
for (let r = 0; r < repeatCount; r++) {
  const root = mkdtempSync(join(tmpdir(), 'argosy-bench-'));
  try {
    gc();
    const [project, dsl] = time(() => projectOf(w));
    const [ir, irMs] = time(() => resolveProject(project));
    const [rendered, charts] = time(() => renderObjects(ir, { pipelineBackend: w.target }));
    const [out, serialize] = time(() => serializeFiles(rendered));
    const [, budget] = time(() => [resourceWarnings(ir), budgetProblems(out)]);
    const [, write] = time(() => writeTree(join(root, 'dist'), out));
    if (r === 0) synthPeakMb = rssMb();
    files = out.length;
    bytes = out.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
    // The floor: directories made beforehand, so it is serialization and writes only.
    const floor = join(root, 'floor');
    for (const dir of new Set(out.map((f) => dirname(join(floor, f.path))))) mkdirSync(dir, { recursive: true });
    gc();
    const [texts, floorSerialize] = time(() =>
      out.map((f) => f.documents.map((d) => dump(d, YAML_DUMP_OPTIONS)).join('---\n')),
    );
    const [, floorWrite] = time(() => out.forEach((f, i) => writeFileSync(join(floor, f.path), texts[i] as string)));
    const times: RepeatTimes = { dsl, ir: irMs, charts, serialize, budget, write, floorSerialize, floorWrite };
    if (r >= validateRepeats) {
      repeats.push(times);
      continue;
    }
    gc();
    const [sources, validateParse] = time(() => readSources([join(root, 'dist')], root, () => ''));
    const start = now();
    const reports = await checkSources(sources, schemas, {}, silent);
    const validateCheck = now() - start;
    validationErrors = errorCount(reports);
    repeats.push({ ...times, validateParse, validateCheck });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
const result: InProcessResult = {
  repeats,
  files,
  bytes,
  ...(validationErrors !== undefined ? { validationErrors } : {}),
  synthPeakMb,
  peakMb: rssMb(),
};
process.stdout.write(JSON.stringify(result));
