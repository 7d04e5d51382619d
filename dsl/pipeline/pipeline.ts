import { checkParamPort } from './args.ts';
import { checkStringMap, checkTolerations } from './pod-checks.ts';
import type { BuildState, NodeState, TaskState } from './build-state.ts';
import { newScopeId } from './build-state.ts';
import { checkCond } from './cond-check.ts';
import { toSeconds, type Duration } from '../common/duration.ts';
import { DslError, isDslError, seg } from '../errors.ts';
import type {
  JsonValue,
  NodeIR,
  ParamPortIR,
  PipelineIR,
  PipelineOutputIR,
  PipelineTargetIR,
  PortIR,
  TaskIR,
  TolerationIR,
} from '../ir/index.ts';
import { assertDnsLabel, assertPortName } from '../common/names.ts';
import { assertAcyclic } from './pipeline-graph.ts';
import type { PipelineBuilder } from './pipeline-builder.ts';
import { Scope } from './scope.ts';
import { assertNotMissing, BrokenRef, withMissingNames } from './stand-ins.ts';
import { attachErrors, errorCount, errorsSince, markBroken, recover } from '../common/collect.ts';
import type { ArtifactListPort, ArtifactPort, ParamPort } from './ports.ts';
import { type ParamPortMap, type PortMap, isParamPort } from './ports.ts';
import type { ArtifactListRef, ArtifactRef } from './refs.ts';
import { ParamRef, isRef, isArtifactListRef, isArtifactRef, isParamRef } from './refs.ts';
import { outputPorts } from './sub-pipeline.ts';
import { submitToIR } from './submit.ts';
import { pvcToIR } from './pvc.ts';
import type { ParamRefs } from './typing.ts';

/**
 * Pipeline-wide settings.
 *
 * @example
 * ```ts
 * { params: { snapshotDate: param.string() }, timeout: hours(6), serviceAccount: 'ml-pipelines', parallelism: 4 }
 * ```
 */
export type PipelineOptions<P extends ParamPortMap> = PipelineSettings<P> & (ArgoBound | KfpBound);

/** Settings of a pipeline that may run on Argo (the default, or `target: 'argo'`). */
export interface ArgoBound {
  /**
   * Pins the backend that compiles this pipeline. Without it the environment's `pipelineBackend`
   * or `argosy synth --target` decides.
   */
  readonly target?: 'argo';
}

/**
 * A pipeline pinned to Kubeflow Pipelines: settings KFP cannot honour are type errors here
 * (run-wide parallelism, and the Argo-only artifact repository and pod GC), and its build
 * function gets a `PipelineBuilder<'kfp'>` on which `p.submit()`, Argo-only status tests and
 * runtime values, and components with `.at(path)` ports are type errors.
 */
export interface KfpBound {
  readonly target: 'kfp';
  readonly parallelism?: never;
  readonly artifactRepository?: never;
  readonly podGC?: never;
}

/** Settings shared by every backend. */
export interface PipelineSettings<P extends ParamPortMap> {
  readonly params?: P;
  readonly description?: string;
  /** Most pods of one run that may run at once. */
  readonly parallelism?: number;
  /** Deadline for the whole run. */
  readonly timeout?: Duration;
  readonly serviceAccount?: string;
  readonly podLabels?: Readonly<Record<string, string>>;
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /** Which artifact repository (a key of a ConfigMap) stores this pipeline's artifacts. */
  readonly artifactRepository?: { readonly configMap: string; readonly key: string };
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly TolerationIR[];
  /** Delete finished runs after this long. */
  readonly ttlAfterFinished?: Duration;
  /** When to delete pods (Argo podGC strategy). */
  readonly podGC?: PipelineIR['options']['podGC'];
  readonly target?: PipelineTargetIR;
}

/** Outputs a pipeline may return from its build function. */
export type PipelineReturn = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly [name: string]: ParamRef<any> | ArtifactRef<string> | ArtifactListRef<string>;
} | void;

/** The output ports of a pipeline whose build function returns `R`. */
export type OutputPortsOf<R> = R extends void
  ? {}
  : {
      readonly [K in keyof R]: R[K] extends ParamRef<infer T>
        ? ParamPort<T>
        : R[K] extends ArtifactRef<infer A>
          ? ArtifactPort<A>
          : R[K] extends ArtifactListRef<infer A>
            ? ArtifactListPort<A>
            : never;
    };

/**
 * A pipeline: typed parameters plus a DAG of tasks. Schedules and backends consume it, and
 * another pipeline can run it as a task. `P` is its parameter port map, `O` the ports of the
 * outputs its build function returns.
 */
export interface Pipeline<P extends ParamPortMap = ParamPortMap, O extends PortMap = {}> {
  readonly kind: 'pipeline';
  readonly name: string;
  readonly params: P;
  /** Typed ports of the returned outputs: what a task running this pipeline exposes. */
  readonly outputs: O;
  readonly ir: PipelineIR;
  /** Pipelines this one starts with `p.submit()`; an app deploying it deploys them too. */
  readonly submits?: readonly AnyPipeline[];
}

/** Any pipeline. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPipeline = Pipeline<any, any>;

/**
 * Defines a pipeline. The build function receives a builder and typed references to the
 * parameters; it runs once, immediately, and any wiring error is thrown from here.
 *
 * @example
 * ```ts
 * export const churnTraining = pipeline('churn-training', {
 *   params: { snapshotDate: param.string(), learningRate: param.float().default(0.05) },
 * }, (p, params) => {
 *   const ingest = p.task('ingest', ingestTable, { date: params.snapshotDate });
 *   const train = p.task('train', trainXgboost, { dataset: ingest.outputs.table, learningRate: params.learningRate });
 *   p.task('evaluate', evaluateModel, { model: train.outputs.model, minAuc: 0.8 });
 * });
 * ```
 */
export function pipeline<
  const P extends ParamPortMap = {},
  R extends PipelineReturn = void,
  const B extends PipelineTargetIR | undefined = undefined,
>(
  name: string,
  // `target` also picks the builder's type: what the pinned backend cannot run is a type error.
  options: PipelineOptions<P> & { readonly target?: B },
  build: (p: PipelineBuilder<B>, params: ParamRefs<P>) => R,
): Pipeline<P, OutputPortsOf<R>> {
  const before = errorCount();
  // Mistakes of the components and pipelines it uses, recorded where those were defined.
  const inherited: DslError[] = [];
  const standIn = (): Pipeline<P, OutputPortsOf<R>> => brokenPipeline(name, options);
  const result = recover(() => {
    const built = buildPipeline(name, options, build as (p: unknown, params: unknown) => R, before, inherited);
    // Mistakes were recorded while it was built: it stands in for a pipeline that cannot run.
    return built === undefined || errorCount() > before ? standIn() : built;
  }, standIn) as Pipeline<P, OutputPortsOf<R>>;
  return attachErrors(result, [...errorsSince(before), ...inherited]);
}

function buildPipeline<P extends ParamPortMap, R>(
  name: string,
  options: PipelineOptions<P> & { readonly target?: PipelineTargetIR | undefined },
  build: (p: unknown, params: unknown) => R,
  before: number,
  inherited: DslError[],
): Pipeline<P, OutputPortsOf<R>> | undefined {
  const path = [seg('pipeline', String(name))];
  assertDnsLabel(name, path, 'pipeline name');
  if (typeof build !== 'function') {
    throw new DslError({
      path,
      problem: 'pipeline needs a build function',
      got: build,
      fix: 'Pass (p, params) => { p.task(...) } as the third argument',
    });
  }
  // Settings are checked on their own, so a mistake there and one in a task are both reported.
  const settings = recover(
    () => optionsToIR(options, path),
    () => undefined,
  );
  const target =
    options.target !== undefined
      ? recover(
          () => assertTarget(options.target, [...path, 'target']),
          () => undefined,
        )
      : undefined;
  const paramPorts = (options?.params ?? {}) as P;
  const paramsIR = paramsToIR(paramPorts, path);
  const state: BuildState = {
    scope: newScopeId(),
    pipeline: name,
    path,
    params: new Map(paramsIR.map((p) => [p.name, p])),
    components: new Map(),
    tasks: new Map(),
    loops: new Map(),
    conditions: new Map(),
    pipelines: new Map(),
    ids: new Set(),
    exitTasks: [],
    conditionCounter: 0,
    broken: new Set(),
    tainted: false,
    inherited,
  };
  const refs: Record<string, ParamRef<unknown> | BrokenRef> = {};
  for (const p of paramsIR) refs[p.name] = new ParamRef({ kind: 'pipelineParam', name: p.name }, state.scope, p.type);
  // A parameter that failed its own check still has a name: what reads it is no further mistake.
  for (const key of Object.keys(paramPorts)) if (!(key in refs)) refs[key] = new BrokenRef();
  const nodes: NodeState[] = [];
  let returned: unknown;
  try {
    returned = build(new Scope(state, nodes, []), withMissingNames(refs, seg('pipeline', name), 'params', 'parameter'));
  } catch (e) {
    // User code tripping over a stand-in after a recorded mistake is a consequence of that mistake.
    if (!isDslError(e) && errorCount() > before) return undefined;
    throw e;
  }
  if (errorCount() > before || settings === undefined || state.tainted || state.broken.size > 0) return undefined;
  if (nodes.length === 0) {
    throw new DslError({ path, problem: 'pipeline has no tasks', got: name, fix: 'Add at least one p.task()' });
  }
  const body = nodes.map((n) => nodeToIR(state, n));
  assertAcyclic(state, nodes);
  const outputs = outputsToIR(state, returned, path);
  const ir: PipelineIR = {
    name,
    ...(options.description ? { description: options.description } : {}),
    params: paramsIR,
    components: [...state.components.values()],
    ...(state.pipelines.size ? { pipelines: [...state.pipelines.values()] } : {}),
    body,
    exitHandler: state.exitTasks.map((t) => taskToIR(state, t)),
    outputs,
    options: settings,
    ...(target !== undefined ? { target } : {}),
  };
  const submits = [...new Set([...state.tasks.values()].flatMap((t) => (t.submit ? [t.submit] : [])))];
  return {
    kind: 'pipeline',
    name,
    params: paramPorts,
    outputs: outputPorts(outputs.map((o) => o.port)) as OutputPortsOf<R>,
    ir,
    ...(submits.length ? { submits } : {}),
  };
}

/** What a pipeline that failed to build leaves behind: its name and parameters, marked broken. */
function brokenPipeline<P extends ParamPortMap, O extends PortMap>(
  name: unknown,
  options: { readonly params?: P } | undefined,
): Pipeline<P, O> {
  const params = (options !== null && typeof options === 'object' && options.params) || ({} as P);
  return markBroken({
    kind: 'pipeline',
    name: String(name),
    params,
    outputs: {} as O,
    ir: {
      name: String(name),
      params: [],
      components: [],
      body: [],
      exitHandler: [],
      outputs: [],
      options: { podLabels: {}, podAnnotations: {}, tolerations: [] },
    },
  });
}

function assertTarget(target: unknown, path: readonly string[]): PipelineTargetIR {
  if (target !== 'argo' && target !== 'kfp') {
    throw new DslError({ path, problem: 'unknown pipeline backend', got: target, fix: 'Use "argo" or "kfp"' });
  }
  return target;
}

function paramsToIR(params: ParamPortMap, path: readonly string[]): ParamPortIR[] {
  if (params === null || typeof params !== 'object') {
    throw new DslError({
      path: [...path, 'params'],
      problem: 'params must be an object of param ports',
      got: params,
      fix: 'Use e.g. { snapshotDate: param.string() }',
    });
  }
  return Object.entries(params).flatMap(([key, port]) =>
    recover(
      () => [paramToIR(key, port, [...path, seg('param', key)])],
      () => [],
    ),
  );
}

function paramToIR(key: string, port: unknown, at: readonly string[]): ParamPortIR {
  assertPortName(key, at);
  if (!isParamPort(port)) {
    throw new DslError({
      path: at,
      problem: 'pipeline parameters must be parameter ports',
      got: port && typeof port === 'object' ? (port as { portKind?: unknown }).portKind : port,
      fix: 'Use param.string(), param.int(), ...; artifacts flow between tasks',
    });
  }
  const ir = port.toIR(key);
  checkParamPort(ir, at);
  return ir;
}

function taskToIR(state: BuildState, t: TaskState): TaskIR {
  const when = t.when
    ? checkCond(state, t.when, {
        groups: t.groups,
        inExitHandler: t.inExitHandler,
        path: [...state.path, seg('task', t.id), 'when'],
      })
    : undefined;
  const common = {
    kind: 'task',
    id: t.id,
    args: t.args,
    after: [...t.after],
    ...(when ? { when } : {}),
    overrides: t.overrides,
    ...(t.displayName ? { displayName: t.displayName } : {}),
  } as const;
  if (t.callee) return { ...common, pipeline: t.callee.name };
  return { ...common, component: t.signature.name, ...(t.mounts?.length ? { mounts: [...t.mounts] } : {}) };
}

function nodeToIR(state: BuildState, n: NodeState): NodeIR {
  if (n.kind === 'task') {
    const base = taskToIR(state, n.task);
    if (n.task.submit) return submitToIR(n.task, base);
    return n.task.pvc ? pvcToIR(n.task.pvc, n.task, base) : base;
  }
  if (n.kind === 'condition') {
    return {
      kind: 'condition',
      id: n.id,
      branches: n.branches.map((b) => ({
        ...(b.cond ? { cond: b.cond.ir } : {}),
        body: b.nodes.map((c) => nodeToIR(state, c)),
      })),
      ...(n.outputs.length
        ? { outputs: n.outputs.map((o) => ({ name: o.name, kind: o.kind, values: [...o.values] })) }
        : {}),
    };
  }
  const l = n.loop;
  return {
    kind: 'loop',
    id: l.id,
    items: l.items.kind === 'static' ? { kind: 'static', values: l.items.values as JsonValue[] } : l.items,
    ...(l.parallelism ? { parallelism: l.parallelism } : {}),
    body: l.nodes.map((c) => nodeToIR(state, c)),
    collect: l.collect.map(({ name, task, output, port }) => ({
      name,
      task,
      output,
      ...(port.kind === 'artifact' ? { artifact: true as const } : {}),
    })),
    after: [...l.after],
  };
}

function outputsToIR(state: BuildState, returned: unknown, path: readonly string[]): PipelineOutputIR[] {
  if (returned === undefined) return [];
  if (returned === null || typeof returned !== 'object' || isRef(returned)) {
    throw new DslError({
      path,
      problem: 'a pipeline build function may only return an object of outputs',
      got: returned,
      fix: 'Return e.g. { model: train.outputs.model } or nothing',
    });
  }
  return Object.entries(returned as Record<string, unknown>).map(([name, ref]) => {
    const at = [...path, seg('output', name)];
    assertPortName(name, at);
    assertNotMissing(ref, at);
    const kind = isRef(ref) ? ref.value.kind : undefined;
    if (
      !isRef(ref) ||
      ref.scope !== state.scope ||
      (kind !== 'taskOutput' && kind !== 'loopOutput' && kind !== 'conditionOutput')
    ) {
      throw new DslError({
        path: at,
        problem: 'pipeline outputs must be outputs of its own tasks or loops, or a p.oneOf()',
        got: ref,
        fix: 'Return e.g. { model: train.outputs.model }',
      });
    }
    const v = ref.value;
    const groups =
      v.kind === 'taskOutput'
        ? state.tasks.get(v.task)?.groups
        : v.kind === 'loopOutput'
          ? state.loops.get(v.loop)?.groups
          : v.kind === 'conditionOutput'
            ? state.conditions.get(v.condition)?.groups
            : undefined;
    if (!groups || groups.length > 0) {
      throw new DslError({
        path: at,
        problem:
          'pipeline outputs must come from top-level tasks, loops or conditions (not from inside a condition or loop)',
        got:
          v.kind === 'taskOutput'
            ? v.task
            : v.kind === 'loopOutput'
              ? v.loop
              : v.kind === 'conditionOutput'
                ? v.condition
                : v.kind,
        fix: "Return the loop's collected output or a p.oneOf() of the branches, or move the task to the top level",
      });
    }
    const port: PortIR =
      isArtifactRef(ref) || isArtifactListRef(ref)
        ? {
            kind: 'artifact',
            name,
            artifactType: ref.artifactType,
            optional: false,
            ...(isArtifactListRef(ref) ? { list: true as const } : {}),
          }
        : {
            kind: 'param',
            name,
            type: ref.type ?? 'json',
            optional: false,
            ...(v.kind === 'loopOutput' ? { jsonShape: 'list' as const } : jsonShapeOf(state, v)),
          };
    return { name, value: v, kind: isParamRef(ref) ? 'param' : 'artifact', port };
  });
}

/** The JSON shape of a returned task output, so KFP types it LIST or STRUCT as its producer declares. */
function jsonShapeOf(state: BuildState, v: PipelineOutputIR['value']): { jsonShape?: 'list' | 'struct' } {
  if (v.kind !== 'taskOutput') return {};
  const port = state.tasks.get(v.task)?.signature.outputs.find((o) => o.name === v.output);
  return port?.kind === 'param' && port.jsonShape ? { jsonShape: port.jsonShape } : {};
}

function optionsToIR(o: PipelineOptions<ParamPortMap>, path: readonly string[]): PipelineIR['options'] {
  if (o.parallelism !== undefined && (!Number.isInteger(o.parallelism) || o.parallelism < 1)) {
    throw new DslError({
      path: [...path, 'parallelism'],
      problem: 'parallelism must be a positive integer',
      got: o.parallelism,
      fix: 'Use e.g. parallelism: 4',
    });
  }
  if (o.serviceAccount !== undefined)
    assertDnsLabel(o.serviceAccount, [...path, 'serviceAccount'], 'service account name', 253);
  const gcStrategies = ['OnPodCompletion', 'OnPodSuccess', 'OnWorkflowCompletion', 'OnWorkflowSuccess'];
  if (o.podGC !== undefined && !gcStrategies.includes(o.podGC)) {
    throw new DslError({
      path: [...path, 'podGC'],
      problem: 'unknown pod GC strategy',
      got: o.podGC,
      fix: `Use one of ${gcStrategies.map((g) => `"${g}"`).join(', ')}`,
    });
  }
  return {
    ...(o.parallelism !== undefined ? { parallelism: o.parallelism } : {}),
    ...(o.timeout !== undefined ? { timeoutSeconds: toSeconds(o.timeout, [...path, 'timeout']) } : {}),
    ...(o.serviceAccount ? { serviceAccountName: o.serviceAccount } : {}),
    podLabels: checkStringMap(o.podLabels, [...path, 'podLabels'], 'label') ?? {},
    podAnnotations: checkStringMap(o.podAnnotations, [...path, 'podAnnotations'], 'annotation') ?? {},
    ...(o.artifactRepository ? { artifactRepositoryRef: o.artifactRepository } : {}),
    ...(o.nodeSelector ? { nodeSelector: checkStringMap(o.nodeSelector, [...path, 'nodeSelector'], 'label') } : {}),
    tolerations: checkTolerations(o.tolerations, [...path, 'tolerations']),
    ...(o.ttlAfterFinished !== undefined
      ? { ttlSecondsAfterFinished: toSeconds(o.ttlAfterFinished, [...path, 'ttlAfterFinished']) }
      : {}),
    ...(o.podGC ? { podGC: o.podGC } : {}),
  };
}
