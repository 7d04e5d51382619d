// One measurement in a fresh process, so peak memory belongs to this size alone.
import { dump } from 'js-yaml';
import { synthesize } from '../synth/engine.ts';
import { benchProject } from './generate.ts';

const [pipelines, tasks, repeats] = process.argv.slice(2).map(Number) as [number, number, number];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function time<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

let best = { build: Infinity, synth: Infinity, baseline: Infinity, files: 0 };
for (let r = 0; r < repeats; r++) {
  gc();
  const [proj, build] = time(() => benchProject(pipelines, tasks));
  const [result, synth] = time(() => synthesize(proj));
  const objects = result.files.flatMap((f) => f.documents);
  gc();
  // Baseline: serializing the very same final objects with the YAML library alone.
  const [, baseline] = time(() => objects.map((o) => dump(o)));
  best = {
    build: Math.min(best.build, build),
    synth: Math.min(best.synth, synth),
    baseline: Math.min(best.baseline, baseline),
    files: result.files.length,
  };
}
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ pipelines, tasks, ...best, peakMb }));
