// `npm run bench`: synthesis cost for generated projects of N pipelines x T tasks.
// Reports wall time (DSL build and synth), peak RSS, time per task, the ratio to serializing the
// same final objects with js-yaml alone (measured in the same process), and how time grows with N.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TASKS = 20;
const SIZES = (process.env.ARGOSY_BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const once = fileURLToPath(new URL('./synth-once.ts', import.meta.url));

interface Row {
  pipelines: number;
  tasks: number;
  build: number;
  synth: number;
  baseline: number;
  peakMb: number;
  files: number;
}
const rows: Row[] = [];
for (const n of SIZES) {
  process.stderr.write(`  measuring ${n} pipelines x ${TASKS} tasks...\n`);
  const repeats = n >= 1000 ? 2 : 5;
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', once, String(n), String(TASKS), String(repeats)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(1);
  }
  rows.push(JSON.parse(r.stdout) as Row);
}

const fmt = (x: number, d = 1) => x.toFixed(d).padStart(9);
console.log('pipelines  tasks   build ms   synth ms  total ms  us/task  yaml-only ms  ratio  ratio(total)  peak MB');
for (const r of rows) {
  const total = r.build + r.synth;
  const perTask = (total * 1000) / (r.pipelines * r.tasks);
  console.log(
    `${String(r.pipelines).padStart(9)} ${String(r.pipelines * r.tasks).padStart(6)} ${fmt(r.build)} ${fmt(r.synth)} ${fmt(total)} ${fmt(perTask)} ${fmt(r.baseline).padStart(13)} ${fmt(r.synth / r.baseline, 2).padStart(6)} ${fmt(total / r.baseline, 2).padStart(13)} ${fmt(r.peakMb, 0)}`,
  );
}
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1] as Row;
  const b = rows[i] as Row;
  const growth = (b.build + b.synth) / (a.build + a.synth);
  console.log(
    `growth ${a.pipelines} -> ${b.pipelines} pipelines (x${b.pipelines / a.pipelines}): time x${growth.toFixed(2)} (linear would be x${(b.pipelines / a.pipelines).toFixed(0)})`,
  );
}
console.log(
  'ratio = synth time (IR -> cdk8s -> YAML files) / js-yaml dump of the same final objects; ratio(total) also counts building the pipelines with the DSL. Target: <= 3 at N=1000, memory < 1 GB.',
);
