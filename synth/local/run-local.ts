import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { JsonValue, PipelineIR, RuntimeValueName, ValueIR } from '../../dsl/ir/index.ts';
import type { ParamPortMap } from '../../dsl/pipeline/ports.ts';
import type { Pipeline } from '../../dsl/pipeline/pipeline.ts';
import type { ParamValues } from '../../dsl/pipeline/typing.ts';
import { OutputCache } from './cache.ts';
import { detectRuntime } from './container.ts';
import { runDag, Semaphore, type DagContext } from './dag.ts';
import { resolveParams } from './params.ts';
import { componentTasks, preflight } from './preflight.ts';
import { ProcessGroup } from './process.ts';
import type { LocalOutput, LocalRunOptions, LocalRunRecord, LocalRunResult } from './types.ts';
import { resolveValue, ValueError, type Frame } from './values.ts';

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function writeRecord(file: string, record: LocalRunRecord): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(tmp, file);
}

function oneOfsOf(p: PipelineIR): Map<string, readonly ValueIR[]> {
  const out = new Map<string, readonly ValueIR[]>();
  const index = (nodes: PipelineIR['body']): void => {
    for (const n of nodes) {
      if (n.kind === 'condition') {
        n.branches.forEach((b) => index(b.body));
        for (const o of n.outputs ?? []) out.set(`${n.id}/${o.name}`, o.values);
      } else if (n.kind === 'loop') index(n.body);
    }
  };
  index(p.body);
  return out;
}

/**
 * Runs a pipeline on this machine, the same typed definition Argo runs: script components as
 * subprocesses under their interpreter with Argo's `INPUT_*`/`OUTPUT_*` environment, container
 * components under docker or podman, the DAG in dependency order with `when` conditions, loops
 * with fan-in, retries, timeouts, the exit handler and a cache keyed by component and inputs.
 * Steps leave their outputs under `<workdir>/<step>/outputs/<output>` and their logs beside
 * them; `run.json` records the run. Throws a `LocalRunError` before starting anything when a
 * step could not run here, and a `UsageError` for a bad argument.
 *
 * @example
 * ```ts
 * import { runLocal } from 'argosy/local';
 * const { ok, record } = await runLocal(ctrDrift.pipeline, { snapshotDate: '2026-01-31' }, { workdir: 'runs/drift' });
 * console.log(ok, record.outputs);
 * ```
 */
export async function runLocal<P extends ParamPortMap>(
  pipeline: Pipeline<P, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  args: ParamValues<P>,
  options: LocalRunOptions = {},
): Promise<LocalRunResult> {
  return runLocalIR(pipeline.ir, args as Record<string, unknown>, options);
}

/** {@link runLocal} on a pipeline's IR with untyped arguments (what the CLI has). */
export async function runLocalIR(
  ir: PipelineIR,
  args: Readonly<Record<string, unknown>>,
  options: LocalRunOptions = {},
): Promise<LocalRunResult> {
  const params = resolveParams(ir.name, ir.params, args);
  const env = options.env ?? process.env;
  const commands = options.commands ?? {};
  const values = options.values ?? {};
  const needsContainer = componentTasks(ir).some(
    (t) =>
      (t.component.implementation.kind === 'container' || (t.task.mounts ?? []).length > 0) && !commands[t.task.id],
  );
  const container = needsContainer ? detectRuntime(options.containerRuntime ?? 'auto') : undefined;
  preflight(ir, { container, commands, env, values });

  const started = new Date();
  let workdir = resolve(options.workdir ?? join('.argosy', 'runs', `${ir.name}-${stamp(started)}`));
  if (!options.workdir)
    for (let i = 2; existsSync(workdir); i++) workdir = resolve('.argosy', 'runs', `${ir.name}-${stamp(started)}-${i}`);
  mkdirSync(workdir, { recursive: true });
  const recordPath = join(workdir, 'run.json');
  const runId = options.workdir ? `${ir.name}-${stamp(started)}` : workdir.split(/[\\/]/).pop()!;
  const record: LocalRunRecord = {
    pipeline: ir.name,
    runId,
    workdir,
    params,
    status: 'Running',
    startedAt: started.toISOString(),
    tasks: [],
    outputs: {},
  };
  writeRecord(recordPath, record);

  const uid = randomUUID();
  let workflowStatus = 'Running';
  const runtime = (name: RuntimeValueName): string => {
    switch (name) {
      case 'workflowName':
        return runId;
      case 'workflowUid':
        return uid;
      case 'workflowNamespace':
        return 'local';
      case 'workflowStatus':
        return workflowStatus;
      case 'workflowFailures':
        return JSON.stringify(
          record.tasks
            .filter((t) => t.status === 'Failed' || t.status === 'Errored')
            .map((t) => ({
              displayName: t.path,
              message: t.message ?? '',
              phase: t.status,
              finishedAt: t.finishedAt ?? '',
            })),
        );
      case 'scheduledTime':
      case 'creationTimestamp':
        return started.toISOString();
    }
  };
  const cpus = availableParallelism();
  const parallelism = Math.max(1, options.parallelism ?? Math.min(cpus, ir.options.parallelism ?? cpus));
  const slots = new Semaphore(parallelism);
  const group = new ProcessGroup();
  const ctx: DagContext = {
    rt: {
      group,
      ...(options.noCache ? {} : { cache: new OutputCache(resolve(options.cacheDir ?? join('.argosy', 'cache'))) }),
      ...(container ? { container } : {}),
      commands,
      values,
      env,
      ...(options.python ? { python: options.python } : {}),
      namespace: 'local',
      emit: (e) => {
        options.onEvent?.(e);
        if (e.kind === 'end') writeRecord(recordPath, record);
      },
      acquire: () => slots.acquire(),
    },
    records: record.tasks,
    iterations: new Map(),
    root: workdir,
  };
  const frame: Frame = { params, items: new Map(), results: new Map(), oneOfs: oneOfsOf(ir), runtime };
  let timedOut = false;
  const timer =
    ir.options.timeoutSeconds !== undefined
      ? setTimeout(() => {
          timedOut = true;
          group.stopAll();
        }, ir.options.timeoutSeconds * 1000)
      : undefined;
  let ok: boolean;
  try {
    ok = await runDag(ir, ir.body, frame, workdir, '', ctx);
    workflowStatus = ok && !timedOut ? 'Succeeded' : 'Failed';
    if (ir.exitHandler.length) {
      // The exit handler runs whatever happened, as Argo's onExit, after a run timeout too.
      const stopped = new ProcessGroup();
      const exitCtx: DagContext = { ...ctx, rt: { ...ctx.rt, group: group.isStopped ? stopped : group } };
      const handlerOk = await runDag(ir, ir.exitHandler, frame, workdir, '', exitCtx);
      ok = ok && handlerOk;
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (timedOut) {
    ok = false;
    record.message = `the pipeline's timeout (${ir.options.timeoutSeconds}s) passed`;
  }
  if (ok) {
    for (const o of ir.outputs) {
      try {
        record.outputs[o.name] = resolveValue(frame, o.value);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        record.outputs[o.name] = { kind: 'param', value: '' } satisfies LocalOutput;
      }
    }
  } else if (!record.message) {
    const failed = record.tasks.filter((t) => t.status === 'Failed' || t.status === 'Errored').map((t) => t.path);
    record.message = `failed: ${failed.join(', ')}`;
  }
  record.status = ok ? 'Succeeded' : 'Failed';
  record.finishedAt = new Date().toISOString();
  writeRecord(recordPath, record);
  return { ok, record, recordPath };
}

/** The parameter values a run used, for printing. */
export type RunParams = Readonly<Record<string, JsonValue>>;
