import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifact, component, eq, failed, param, pipeline } from '../../dsl/index.ts';
import { runLocal, LocalRunError, type LocalEvent } from './index.ts';

/** Each run in its own folder with its own cache, so tests never share outputs. */
function dirs(): { workdir: string; cacheDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'argosy-local-'));
  return { workdir: join(root, 'run'), cacheDir: join(root, 'cache') };
}

const py = (lines: string[]): string => ['import json, os, sys', ...lines].join('\n');
const write = (env: string, expr: string): string =>
  `os.makedirs(os.path.dirname(os.environ["${env}"]), exist_ok=True); open(os.environ["${env}"], "w").write(${expr})`;

const makeShards = component('make-shards', {
  image: 'python:3.12-slim',
  inputs: { count: param.int() },
  outputs: { shards: param.json<string[]>(), table: artifact('Dataset') },
  script: {
    source: py([
      'n = int(os.environ["INPUT_COUNT"])',
      write('OUTPUT_SHARDS', 'json.dumps([f"s{i}" for i in range(n)])'),
      write('OUTPUT_TABLE', '"\\n".join(str(i) for i in range(n))'),
    ]),
  },
});

const scoreShard = component('score-shard', {
  image: 'python:3.12-slim',
  inputs: { shard: param.string(), table: artifact('Dataset') },
  outputs: { rows: param.int() },
  script: {
    source: py([
      'rows = len(open(os.environ["INPUT_TABLE"]).read().split())',
      'print("scoring", os.environ["INPUT_SHARD"])',
      write('OUTPUT_ROWS', 'str(rows + len(os.environ["INPUT_SHARD"]))'),
    ]),
  },
});

const total = component('total', {
  image: 'python:3.12-slim',
  inputs: { counts: param.json<number[]>(), label: param.string().default('sum') },
  outputs: { sum: param.int(), big: param.bool() },
  script: {
    source: py([
      'counts = json.loads(os.environ["INPUT_COUNTS"])',
      write('OUTPUT_SUM', 'str(sum(counts))'),
      write('OUTPUT_BIG', '"true" if sum(counts) > 10 else "false"'),
    ]),
  },
});

const note = component('note', {
  image: 'python:3.12-slim',
  inputs: { text: param.string() },
  outputs: { said: param.string() },
  script: { source: py([write('OUTPUT_SAID', 'os.environ["INPUT_TEXT"]')]) },
});

const fanOut = pipeline(
  'fan-out',
  { params: { count: param.int(), threshold: param.int().default(10) } },
  (p, params) => {
    const make = p.task('make', makeShards, { count: params.count });
    const loop = p.forEach('score', make.outputs.shards, (p, shard) => {
      const s = p.task('score-one', scoreShard, { shard, table: make.outputs.table });
      return { rows: s.outputs.rows };
    });
    const sum = p.task('sum', total, { counts: loop.outputs.rows });
    p.when(eq(sum.outputs.big, true), (p) => {
      p.task('big', note, { text: 'big' });
    }).otherwise((p) => {
      p.task('small', note, { text: 'small' });
    });
    p.onExit('report', note, { text: 'done' });
    return { sum: sum.outputs.sum };
  },
);

describe('runLocal', () => {
  it('GIVEN a DAG with a loop over a JSON output, fan-in and a condition WHEN it runs THEN every step runs in dependency order with Argo semantics', async () => {
    const events: LocalEvent[] = [];
    const { ok, record } = await runLocal(fanOut, { count: 3 }, { ...dirs(), onEvent: (e) => events.push(e) });
    expect(ok, JSON.stringify(record, null, 2)).toBe(true);
    const by = (path: string) => record.tasks.find((t) => t.path === path);
    // 3 lines each, plus len("sN") = 2: 5 per shard.
    expect(by('score[1]/score-one')?.outputs.rows).toEqual({ kind: 'param', value: '5' });
    expect(by('sum')?.inputs.counts).toBe('[5,5,5]');
    expect(record.outputs.sum).toEqual({ kind: 'param', value: '15' });
    expect(by('big')?.status).toBe('Succeeded');
    expect(by('small')?.status).toBe('Skipped');
    expect(by('report')?.status).toBe('Succeeded');
    const order = events.filter((e) => e.kind === 'end').map((e) => e.task.path);
    expect(order.indexOf('make')).toBeLessThan(order.indexOf('score[0]/score-one'));
    expect(order.indexOf('score')).toBeLessThan(order.indexOf('sum'));
    expect(order.at(-1)).toBe('report');
    expect(readFileSync(join(by('score[2]/score-one')?.dir as string, 'stdout.log'), 'utf8')).toContain('scoring s2');
  });

  it('GIVEN an argument of the wrong type THEN the run does not start and says which parameter', async () => {
    // @ts-expect-error count takes a number
    await expect(runLocal(fanOut, { count: 'three' }, dirs())).rejects.toThrow(/parameter "count" takes int/);
    // @ts-expect-error count is required
    await expect(runLocal(fanOut, {}, dirs())).rejects.toThrow(/required parameter "count" is missing/);
  });

  it('GIVEN an identical earlier run WHEN it runs again THEN every component step reuses its outputs, and --no-cache runs them', async () => {
    const { cacheDir } = dirs();
    const first = await runLocal(fanOut, { count: 2 }, { workdir: dirs().workdir, cacheDir });
    expect(first.record.tasks.filter((t) => t.cached)).toEqual([]);
    const second = await runLocal(fanOut, { count: 2 }, { workdir: dirs().workdir, cacheDir });
    const components = second.record.tasks.filter((t) => t.kind === 'component' && t.status !== 'Skipped');
    expect(components.filter((t) => !t.cached || t.attempts !== 0).map((t) => [t.path, t.message])).toEqual([]);
    expect(second.record.outputs).toEqual(first.record.outputs);
    const table = second.record.tasks.find((t) => t.path === 'make')?.outputs.table;
    expect(table?.kind === 'artifact' && existsSync(table.path) && table.path.startsWith(second.record.workdir)).toBe(
      true,
    );
    const third = await runLocal(fanOut, { count: 2 }, { workdir: dirs().workdir, cacheDir, noCache: true });
    expect(third.record.tasks.some((t) => t.cached)).toBe(false);
  });

  it('GIVEN a script that fails WHEN it has retries THEN it is retried with backoff and the run fails with its stderr', async () => {
    const flaky = component('flaky', {
      image: 'python:3.12-slim',
      inputs: {},
      outputs: { x: param.string() },
      script: { source: py(['print("cannot reach the warehouse", file=sys.stderr)', 'sys.exit(3)']) },
      retry: { limit: 2, policy: 'OnFailure', backoff: { duration: '10ms', factor: 2 } },
    });
    const handled = pipeline('flaky-run', {}, (p) => {
      const f = p.task('fetch', flaky);
      p.task('after', note, { text: f.outputs.x });
      p.task('on-failure', note, { text: 'alert' }).after(f);
    });
    const waits: number[] = [];
    const { ok, record } = await runLocal(
      handled,
      {},
      {
        ...dirs(),
        onEvent: (e) => e.kind === 'retry' && waits.push(e.waitMs),
      },
    );
    expect(ok).toBe(false);
    const fetch = record.tasks.find((t) => t.id === 'fetch');
    expect(fetch).toMatchObject({ status: 'Failed', attempts: 3, exitCode: 3 });
    expect(waits).toEqual([10, 20]);
    expect(readFileSync(join(fetch?.dir as string, 'stderr.log'), 'utf8').match(/cannot reach/g)).toHaveLength(3);
    expect(record.tasks.find((t) => t.id === 'after')?.status).toBe('Omitted');
    expect(record.message).toBe('failed: fetch');
  });

  it('GIVEN a status condition on a failed step THEN its handler runs and the failure is handled', async () => {
    const boom = component('boom', {
      image: 'python:3.12-slim',
      inputs: {},
      outputs: {},
      script: { source: 'raise SystemExit(1)' },
    });
    const guarded = pipeline('guarded', { target: 'argo' }, (p) => {
      const b = p.task('boom', boom);
      p.when(failed(b), (p) => {
        p.task('recover', note, { text: 'recovered' });
      });
    });
    const { ok, record } = await runLocal(guarded, {}, dirs());
    expect(record.tasks.find((t) => t.id === 'recover')?.status).toBe('Succeeded');
    expect(ok).toBe(true);
  });

  it('GIVEN a step that runs longer than its timeout THEN it is ended and fails', async () => {
    const slow = component('slow', {
      image: 'python:3.12-slim',
      inputs: {},
      outputs: {},
      script: { source: 'import time\ntime.sleep(30)' },
      timeout: '1s',
    });
    const { ok, record } = await runLocal(
      pipeline('slow-run', {}, (p) => void p.task('slow', slow)),
      {},
      dirs(),
    );
    expect(ok).toBe(false);
    expect(record.tasks[0]?.message).toMatch(/timed out after 1s/);
  });

  it('GIVEN container components and no container runtime THEN the run fails before starting and lists every step that needs one', async () => {
    const extract = component('extract', {
      image: 'ghcr.io/dsrpmart/warehouse:1.0',
      inputs: {},
      outputs: { table: artifact('Dataset') },
      command: (io) => ['extract', '--out', io.outputs.table.path],
    });
    const mixed = pipeline('mixed', {}, (p) => {
      const a = p.task('extract-a', extract);
      const b = p.task('extract-b', extract);
      p.task('join', note, { text: 'x' }).after(a, b);
    });
    const { workdir } = dirs();
    const err = await runLocal(mixed, {}, { workdir, containerRuntime: 'none' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocalRunError);
    expect((err as LocalRunError).message).toMatch(
      /extract-a \(component extract, image ghcr.io\/dsrpmart\/warehouse:1.0\)\n.*extract-b/,
    );
    expect(existsSync(workdir)).toBe(false);
  });
});
