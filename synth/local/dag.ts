import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DagDeps } from '../../charts/argo-workflows/dag-deps.ts';
import { classifyCond, conjuncts, flattenBranches, type BranchEntry as Entry } from '../../dsl/ir/conditions.ts';
import type {
  ComponentIR,
  CondIR,
  JsonValue,
  LoopIR,
  NodeIR,
  PipelineIR,
  PortIR,
  TaskIR,
  ValueIR,
} from '../../dsl/ir/index.ts';
import { portEnvName } from '../../dsl/pipeline/script-env.ts';
import { runComponentTask, type TaskRuntime } from './component-task.ts';
import type { LocalOutput, LocalStatus, LocalTaskRecord } from './types.ts';
import {
  evalCond,
  findResult,
  paramText,
  resolveValue,
  ValueError,
  type Frame,
  type LoopItem,
  type StatusOf,
} from './values.ts';

function statusTargets(c: CondIR): string[] {
  if (c.kind === 'status') return [c.task];
  if (c.kind === 'compare') return [];
  if (c.kind === 'not') return statusTargets(c.item);
  return c.items.flatMap(statusTargets);
}

function compared(c: CondIR): ValueIR[] {
  if (c.kind === 'compare') return [c.left, c.right];
  if (c.kind === 'status') return [];
  if (c.kind === 'not') return compared(c.item);
  return c.items.flatMap(compared);
}

/** The conditions of an entry: its branches' and its own. */
export const entryConds = (e: Entry): CondIR[] => [
  ...e.conds,
  ...('when' in e.node && e.node.when ? [e.node.when] : []),
];

/**
 * What one entry of a DAG waits for, among the DAG's own entries: the steps it reads, its
 * `.after()`, what its conditions compare or test and, for a loop, what its body reads from
 * outside. `status` are the ones a status condition tests (their failure is handled there).
 */
export function entryDeps(deps: DagDeps, e: Entry, local: ReadonlySet<string>): { all: string[]; status: string[] } {
  const localize = (id: string): string | undefined => {
    let current: string | undefined = id;
    while (current !== undefined && !local.has(current)) current = deps.parentLoop.get(current);
    return current;
  };
  const conds = entryConds(e).flatMap(conjuncts);
  const ids = [
    ...deps.ownIds(e.node),
    ...(e.node.kind === 'loop' ? deps.nestedIds(e.node) : []),
    ...conds.flatMap(compared).flatMap((v) => deps.valueIds(v)),
    ...conds.flatMap(statusTargets),
  ];
  const all = [...new Set(ids.map(localize).filter((x): x is string => x !== undefined && x !== e.node.id))];
  const status = [...new Set(conds.flatMap(statusTargets).map(localize))].filter((x): x is string => x !== undefined);
  return { all, status };
}

/** A small counting semaphore: `acquire()` resolves to a release function. */
export class Semaphore {
  private waiting: (() => void)[] = [];
  private active = 0;
  constructor(private readonly size: number) {}
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = (): void => {
        this.active++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.active--;
          this.waiting.shift()?.();
        });
      };
      if (this.active < this.size) grant();
      else this.waiting.push(grant);
    });
  }
}

/** What the scheduler needs besides the DAG: the task runtime and where to record steps. */
export interface DagContext {
  readonly rt: TaskRuntime;
  readonly records: LocalTaskRecord[];
  /** Loop ids and their iteration statuses, for `AnySucceeded` / `AllFailed`. */
  readonly iterations: Map<string, LocalStatus[]>;
  /** The run's folder: `volumes/` stands for the claims there. */
  readonly root: string;
}

const FAILED: readonly LocalStatus[] = ['Failed', 'Errored'];

/**
 * Runs one DAG: every entry starts when the entries it waits for have ended, as Argo's DAG
 * controller does. A plain dependency that failed omits the entry; a false status condition omits
 * it; a false value condition skips it. Returns whether the DAG succeeded: no entry failed whose
 * failure no status condition handles.
 */
export async function runDag(
  pipeline: PipelineIR,
  nodes: readonly NodeIR[],
  frame: Frame,
  dir: string,
  prefix: string,
  ctx: DagContext,
): Promise<boolean> {
  const deps = new DagDeps(pipeline);
  const entries = flattenBranches(nodes);
  const local = new Set(entries.map((e) => e.node.id));
  const handled = new Set<string>();
  const done = new Map<string, Promise<LocalStatus>>();
  const statusOf: StatusOf = (task) => {
    const r = findResult(frame, task);
    return r
      ? { status: r.status, ...(ctx.iterations.has(task) ? { iterations: ctx.iterations.get(task) } : {}) }
      : undefined;
  };
  const start = (e: Entry): Promise<LocalStatus> => {
    const existing = done.get(e.node.id);
    if (existing) return existing;
    const { all, status } = entryDeps(deps, e, local);
    status.forEach((s) => handled.add(s));
    const byId = new Map(entries.map((x) => [x.node.id, x]));
    const p = Promise.all(all.map((id) => start(byId.get(id) as Entry))).then(async (): Promise<LocalStatus> => {
      const record = newRecord(e.node, prefix, dir);
      const finish = (s: LocalStatus, message?: string, outputs: Record<string, LocalOutput> = {}): LocalStatus => {
        record.status = s;
        if (message) record.message = message;
        record.outputs = { ...record.outputs, ...outputs };
        frame.results.set(e.node.id, { status: s, outputs: record.outputs });
        ctx.records.push(record);
        ctx.rt.emit({ kind: 'end', task: record });
        return s;
      };
      const failedDep = all.find(
        (id) => !status.includes(id) && ['Failed', 'Errored', 'Omitted'].includes(frame.results.get(id)?.status ?? ''),
      );
      if (failedDep) return finish('Omitted', `${failedDep} ${frame.results.get(failedDep)?.status.toLowerCase()}`);
      if (ctx.rt.group.isStopped) return finish('Omitted', 'the run was stopped');
      const parts = entryConds(e).flatMap(conjuncts);
      try {
        const statusConds = parts.filter((c) => classifyCond(c) === 'status');
        if (!statusConds.every((c) => evalCond(frame, statusOf, c)))
          return finish('Omitted', 'its status condition is false');
        const valueConds = parts.filter((c) => classifyCond(c) !== 'status');
        if (!valueConds.every((c) => evalCond(frame, statusOf, c))) return finish('Skipped', 'its condition is false');
      } catch (err) {
        if (err instanceof ValueError) return finish('Failed', `its condition ${err.message}`);
        throw err;
      }
      record.startedAt = new Date().toISOString();
      ctx.rt.emit({ kind: 'start', task: record });
      try {
        const outcome = await runNode(pipeline, e.node, frame, record, ctx);
        record.finishedAt = new Date().toISOString();
        return finish(outcome.status, outcome.message, outcome.outputs);
      } catch (err) {
        record.finishedAt = new Date().toISOString();
        if (err instanceof ValueError) return finish('Failed', err.message);
        throw err;
      }
    });
    done.set(e.node.id, p);
    return p;
  };
  const statuses = await Promise.all(entries.map((e) => start(e)));
  return entries.every((e, i) => !FAILED.includes(statuses[i] as LocalStatus) || handled.has(e.node.id));
}

function newRecord(node: Entry['node'], prefix: string, dir: string): LocalTaskRecord {
  return {
    path: `${prefix}${node.id}`,
    id: node.id,
    kind: node.kind === 'task' ? (node.pipeline !== undefined ? 'pipeline' : 'component') : node.kind,
    ...(node.kind === 'task' && node.component !== undefined ? { component: node.component } : {}),
    status: 'Omitted',
    dir: join(dir, node.id),
    attempts: 0,
    cached: false,
    inputs: {},
    outputs: {},
  };
}

interface Outcome {
  readonly status: LocalStatus;
  readonly message?: string;
  readonly outputs?: Record<string, LocalOutput>;
}

const show = (o: LocalOutput): string =>
  o.kind === 'param' ? o.value : o.kind === 'artifact' ? o.path : JSON.stringify(o.paths);

async function runNode(
  pipeline: PipelineIR,
  node: Entry['node'],
  frame: Frame,
  record: LocalTaskRecord,
  ctx: DagContext,
): Promise<Outcome> {
  switch (node.kind) {
    case 'task':
      return node.pipeline !== undefined
        ? runSubPipeline(pipeline, node, frame, record, ctx)
        : runTask(componentOf(pipeline, node.component), node, frame, record, ctx);
    case 'loop':
      return runLoop(pipeline, node, frame, record, ctx);
    case 'submit': {
      const command = ctx.rt.commands[node.id];
      if (!command)
        return {
          status: 'Failed',
          message: `starts a run of pipeline "${node.pipeline}" on the cluster, which a local run cannot. Run it with \`argosy run --local ${node.pipeline}\`, or give this step a local command (--command ${node.id}=...)`,
        };
      const task: TaskIR = {
        kind: 'task',
        id: node.id,
        args: node.args,
        after: node.after,
        overrides: {},
        component: '',
      };
      return runTask(submitComponent(node), task, frame, record, ctx);
    }
    case 'createPvc': {
      const name =
        'suffix' in node.claimName
          ? `${frame.runtime('workflowName')}-${node.claimName.suffix}`
          : paramText(frame, node.claimName.value);
      mkdirSync(volumeDir(ctx.root, name), { recursive: true });
      return {
        status: 'Succeeded',
        message: `claim ${name} is the folder ${volumeDir(ctx.root, name)}`,
        outputs: { name: { kind: 'param', value: name } },
      };
    }
    case 'deletePvc': {
      const name = paramText(frame, node.claim);
      rmSync(volumeDir(ctx.root, name), { recursive: true, force: true });
      return { status: 'Succeeded' };
    }
  }
}

/** The folder standing for a claim: `<run>/volumes/<claim>`, beside the steps' folders. */
export const volumeDir = (root: string, claim: string): string => join(root, 'volumes', claim);

/** A submit step run by a local command: its arguments as `INPUT_*` variables, no outputs. */
function submitComponent(node: Extract<NodeIR, { kind: 'submit' }>): ComponentIR {
  const inputs = Object.keys(node.args).map((name): PortIR => ({
    kind: 'param',
    name,
    type: 'string',
    optional: false,
  }));
  return {
    name: `submit-${node.pipeline}`,
    image: '',
    inputs,
    outputs: [],
    implementation: { kind: 'script', command: [], source: '' },
    pod: {
      env: inputs.map((p) => ({ name: portEnvName('INPUT', p.name), value: [{ kind: 'inputValue', input: p.name }] })),
      volumes: [],
      tolerations: [],
      labels: {},
      annotations: {},
      security: {
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: false,
        dropCapabilities: [],
        addCapabilities: [],
        seccompProfile: 'RuntimeDefault',
      },
    },
    contentHash: `submit-${node.pipeline}`,
  };
}

function componentOf(pipeline: PipelineIR, name: string): ComponentIR {
  const c = pipeline.components.find((x) => x.name === name);
  if (!c) throw new Error(`internal: component ${name} is not among the components of ${pipeline.name}`);
  return c;
}

async function runTask(
  component: ComponentIR,
  node: Extract<TaskIR, { component: string }>,
  frame: Frame,
  record: LocalTaskRecord,
  ctx: DagContext,
): Promise<Outcome> {
  const inputs: Record<string, LocalOutput> = {};
  for (const port of component.inputs) {
    const v = node.args[port.name];
    if (v) inputs[port.name] = resolveValue(frame, v);
    else if (port.kind === 'param' && port.default !== undefined)
      inputs[port.name] = { kind: 'param', value: paramText(frame, { kind: 'literal', value: port.default }) };
  }
  record.inputs = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, show(v)]));
  const mounts = (node.mounts ?? []).map((m) => ({
    host: volumeDir(ctx.root, paramText(frame, m.claim)),
    container: m.mountPath,
    readOnly: m.readOnly,
  }));
  await runComponentTask({ component, overrides: node.overrides, inputs, record, mounts }, ctx.rt);
  return { status: record.status, ...(record.message ? { message: record.message } : {}), outputs: record.outputs };
}

async function runSubPipeline(
  pipeline: PipelineIR,
  node: Extract<TaskIR, { pipeline: string }>,
  frame: Frame,
  record: LocalTaskRecord,
  ctx: DagContext,
): Promise<Outcome> {
  const callee = (pipeline.pipelines ?? []).find((p) => p.name === node.pipeline);
  if (!callee) throw new Error(`internal: pipeline ${node.pipeline} is not among the callees of ${pipeline.name}`);
  const params: Record<string, JsonValue> = {};
  for (const p of callee.params) {
    const v = node.args[p.name];
    if (!v) {
      if (p.default !== undefined) params[p.name] = p.default;
      continue;
    }
    const text = paramText(frame, v);
    params[p.name] = p.type === 'string' ? text : (JSON.parse(text) as JsonValue);
  }
  record.inputs = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const inner: Frame = { ...calleeFrame(callee, frame), params };
  const ok = await runDag(callee, callee.body, inner, record.dir, `${record.path}/`, ctx);
  if (!ok) return { status: 'Failed', message: `a step of pipeline "${callee.name}" failed` };
  const outputs: Record<string, LocalOutput> = {};
  for (const o of callee.outputs) outputs[o.name] = resolveValue(inner, o.value);
  return { status: 'Succeeded', outputs };
}

function calleeFrame(callee: PipelineIR, frame: Frame): Frame {
  const oneOfs = new Map<string, readonly ValueIR[]>();
  const index = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      if (n.kind === 'condition') {
        n.branches.forEach((b) => index(b.body));
        for (const o of n.outputs ?? []) oneOfs.set(`${n.id}/${o.name}`, o.values);
      } else if (n.kind === 'loop') index(n.body);
    }
  };
  index(callee.body);
  return { params: {}, items: new Map(), results: new Map(), oneOfs, runtime: frame.runtime };
}

async function runLoop(
  pipeline: PipelineIR,
  loop: LoopIR,
  frame: Frame,
  record: LocalTaskRecord,
  ctx: DagContext,
): Promise<Outcome> {
  let items: LoopItem[];
  if (loop.items.kind === 'static') items = loop.items.values.map((value) => ({ kind: 'value', value }));
  else if (loop.items.kind === 'artifacts') {
    const v = resolveValue(frame, loop.items.value);
    items = (v.kind === 'artifacts' ? v.paths : v.kind === 'artifact' ? [v.path] : []).map((path) => ({
      kind: 'artifact',
      path,
    }));
  } else {
    const text = paramText(frame, loop.items.value);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed))
      return { status: 'Failed', message: `loops over ${text.slice(0, 80)}, which is not a JSON list` };
    items = (parsed as JsonValue[]).map((value) => ({ kind: 'value', value }));
  }
  record.inputs = { items: String(items.length) };
  const limit = new Semaphore(loop.parallelism ?? Number.MAX_SAFE_INTEGER);
  const frames: Frame[] = [];
  const results = await Promise.all(
    items.map(async (item, i) => {
      const release = await limit.acquire();
      try {
        const inner: Frame = {
          ...frame,
          items: new Map([...frame.items, [loop.id, item]]),
          results: new Map(),
          parent: frame,
        };
        frames[i] = inner;
        return await runDag(pipeline, loop.body, inner, join(record.dir, String(i)), `${record.path}[${i}]/`, ctx);
      } finally {
        release();
      }
    }),
  );
  ctx.iterations.set(
    loop.id,
    results.map((ok) => (ok ? 'Succeeded' : 'Failed')),
  );
  const outputs: Record<string, LocalOutput> = {};
  for (const c of loop.collect) {
    const port = producerPort(pipeline, loop, c.task, c.output);
    const got = frames
      .map((f) => f.results.get(c.task)?.outputs[c.output])
      .filter((o): o is LocalOutput => o !== undefined);
    if (c.artifact)
      outputs[c.name] = { kind: 'artifacts', paths: got.flatMap((o) => (o.kind === 'artifact' ? [o.path] : [])) };
    else {
      // As KFP's collected outputs: a JSON list of the typed values (strings stay strings).
      const values = got.map((o) => (o.kind !== 'param' ? null : port === 'string' ? o.value : parseOr(o.value)));
      outputs[c.name] = { kind: 'param', value: JSON.stringify(values) };
    }
  }
  const failed = results.filter((ok) => !ok).length;
  return failed
    ? { status: 'Failed', message: `${failed} of ${items.length} iterations failed`, outputs }
    : { status: 'Succeeded', message: `${items.length} iterations`, outputs };
}

function parseOr(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function producerPort(pipeline: PipelineIR, loop: LoopIR, task: string, output: string): string | undefined {
  const find = (nodes: readonly NodeIR[]): TaskIR | undefined => {
    for (const n of flattenBranches(nodes)) {
      if (n.node.kind === 'task' && n.node.id === task) return n.node;
      if (n.node.kind === 'loop') {
        const t = find(n.node.body);
        if (t) return t;
      }
    }
    return undefined;
  };
  const t = find(loop.body);
  if (!t) return undefined;
  if (t.component !== undefined) {
    const port = pipeline.components.find((c) => c.name === t.component)?.outputs.find((p) => p.name === output);
    return port?.kind === 'param' ? port.type : undefined;
  }
  const port = (pipeline.pipelines ?? [])
    .find((p) => p.name === t.pipeline)
    ?.outputs.find((o) => o.name === output)?.port;
  return port?.kind === 'param' ? port.type : undefined;
}
