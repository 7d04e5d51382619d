import { bindArgs, bindParam, checkVisible, describeValue, type UseSite } from './args.ts';
import type {
  ArgoCollectsParametersOnly,
  ArtifactItemsFor,
  BoundTarget,
  ComponentFor,
  CondFor,
  SubmitId,
} from './backend-bound.ts';
import type {
  BranchState,
  BuildState,
  ConditionState,
  GroupFrame,
  LoopState,
  NodeState,
  TaskState,
} from './build-state.ts';
import type { AnyComponent, Component } from './component.ts';
import { checkCond } from './cond-check.ts';
import { classifyCond } from '../ir/conditions.ts';
import type { Cond } from './conditions.ts';
import { article, DslError, seg, type PathSegment } from '../errors.ts';
import type { ParamTypeIR, PortIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import { addOneOf } from './one-of.ts';
import type { AnyPipeline, Pipeline } from './pipeline.ts';
import type { ParamPortMap, PortMap } from './ports.ts';
import { addCreatePvc, addDeletePvc, PvcTask, type PvcClaim, type PvcSpec } from './pvc.ts';
import { ArtifactListRef, ArtifactRef, ParamRef, isRef, type ScopeId } from './refs.ts';
import { addPipelineTask, assertUniqueNames, PipelineTask } from './sub-pipeline.ts';
import { addSubmit, Submission } from './submit.ts';
import { Loop, Task } from './task.ts';
import type { ExactTaskArgs } from './typing.ts';

/** A reference to the current loop item; object items expose their fields as references too. */
export type ItemRef<T> = T extends readonly unknown[]
  ? ParamRef<T>
  : T extends object
    ? ParamRef<T> & { readonly [K in keyof T]-?: ItemRef<T[K]> }
    : ParamRef<T>;

/** What a loop body may return: outputs to collect across iterations (artifacts: Kubeflow Pipelines only). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LoopReturn = { readonly [name: string]: ParamRef<any> | ArtifactRef<string> } | void;

/** Continues a `p.when()` with further branches (`B`: the backend the pipeline is bound to). */
export type Branches<B extends BoundTarget = undefined> = [B] extends ['kfp']
  ? BoundBranches<'kfp'>
  : [B] extends ['argo']
    ? BoundBranches<'argo'>
    : UnboundBranches;

/** Further branches of a `p.when()` in a pipeline that may compile for either backend. */
export interface UnboundBranches {
  /** Runs when the earlier branches did not and this condition holds. */
  elseWhen(cond: Cond, body: (p: PipelineBuilder) => void): Branches;
  /** Runs when no earlier branch did. */
  otherwise(body: (p: PipelineBuilder) => void): void;
}

/** Further branches of a `p.when()` in a pipeline pinned to `B`. */
export interface BoundBranches<B extends 'argo' | 'kfp'> extends UnboundBranches {
  elseWhen(cond: CondFor<B>, body: (p: PipelineBuilder<B>) => void): Branches<B>;
  otherwise(body: (p: PipelineBuilder<B>) => void): void;
}

/**
 * The object a pipeline's build function receives. Every method adds to the pipeline; nothing is
 * global, so two pipelines can be built side by side. `B` is the backend the pipeline pins with
 * `target` (`undefined`: either, the default): a KFP-bound builder makes `p.submit()`, Argo-only
 * status tests (`failed()`, ...), Argo-only runtime values (`runtime.workflowStatus`, ...) and
 * components with `.at(path)` ports type errors; an Argo-bound one artifact lists. A bound
 * builder can be passed wherever a `PipelineBuilder` is expected.
 *
 * @example
 * ```ts
 * pipeline('ctr-training', { params: { snapshotDate: param.string() } }, (p, params) => {
 *   const extract = p.task('extract', warehouseExtract, { snapshotDate: params.snapshotDate, sql: QUERY });
 *   p.when(gt(extract.outputs.rowCount, 0), (p) => {
 *     p.task('train', trainCtr, { dataset: extract.outputs.table });
 *   });
 * });
 * ```
 */
export type PipelineBuilder<B extends BoundTarget = undefined> = [B] extends ['kfp']
  ? BoundPipelineBuilder<'kfp'>
  : [B] extends ['argo']
    ? BoundPipelineBuilder<'argo'>
    : UnboundPipelineBuilder;

/** The builder of a pipeline that may compile for either backend. */
export interface UnboundPipelineBuilder {
  /** Adds a task running `component` with typed arguments; returns typed output references. */
  task<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: Component<I, O>,
    ...args: ExactTaskArgs<I, A>
  ): Task<O>;
  /**
   * Adds a task running another pipeline: its parameters are the arguments and its returned
   * outputs the task's typed outputs (KFP: a pipeline used as a component).
   */
  subPipeline<P extends ParamPortMap, O extends PortMap, A = unknown>(
    id: string,
    pipeline: Pipeline<P, O>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): PipelineTask<O>;
  /** Adds tasks that run only when `cond` holds; chain `.elseWhen()` / `.otherwise()` for more branches. */
  when(cond: Cond, body: (p: PipelineBuilder) => void): Branches;
  /** Runs `body` once per item (a static list or a JSON-list output); returned outputs are collected into lists. */
  forEach<T, R extends LoopReturn>(
    id: string,
    items: readonly T[] | ParamRef<readonly T[]> | ParamRef<T[]>,
    body: (p: PipelineBuilder, item: ItemRef<T>) => R,
    opts?: { readonly parallelism?: number },
  ): Loop<R extends void ? {} : R>;
  /** Runs `body` once per artifact of a list (KFP `artifactIterator`; Kubeflow Pipelines only). */
  forEach<K extends string, R extends LoopReturn>(
    id: string,
    items: ArtifactListRef<K>,
    body: (p: PipelineBuilder, item: ArtifactRef<K>) => R,
    opts?: { readonly parallelism?: number },
  ): Loop<R extends void ? {} : R>;
  /** Adds a task that runs when the pipeline ends, whatever its outcome (Argo onExit, KFP ExitHandler). */
  onExit<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: Component<I, O>,
    ...args: ExactTaskArgs<I, A>
  ): Task<O>;
  /**
   * The value of whichever branch of a `when / elseWhen / otherwise` chain ran (KFP `dsl.OneOf`):
   * pass one output per branch, in branch order, each from a task directly in its branch.
   */
  oneOf<T>(...values: readonly [ParamRef<T>, ParamRef<T>, ...ParamRef<T>[]]): ParamRef<T>;
  oneOf<K extends string>(...values: readonly [ArtifactRef<K>, ArtifactRef<K>, ...ArtifactRef<K>[]]): ArtifactRef<K>;
  /**
   * Creates a PersistentVolumeClaim for this run (KFP `kubernetes.CreatePVC`, Argo a `resource`
   * template); mount it with `task.mount(claim, path)` and delete it with `p.deletePvc()`.
   */
  createPvc(id: string, spec: PvcSpec): PvcClaim;
  /** Deletes a PersistentVolumeClaim, usually one made by `p.createPvc()`; order it with `.after()`. */
  deletePvc(id: string, claim: PvcClaim | ParamRef<string> | string): PvcTask<{}>;
  /**
   * Starts a run of another pipeline of the same app without waiting for it, e.g. retraining when
   * drift is detected. Arguments are typed against that pipeline's parameters. Argo only.
   */
  submit<P extends ParamPortMap, A = unknown>(
    id: string,
    target: Pipeline<P>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): Submission;
}

/**
 * The builder of a pipeline pinned with `target: B`: the same methods, narrowed to what that
 * backend runs (see `charts/kfp/kfp-bound.test-d.ts` for every case).
 */
export interface BoundPipelineBuilder<B extends 'argo' | 'kfp'> extends UnboundPipelineBuilder {
  task<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: ComponentFor<B, I, O>,
    ...args: ExactTaskArgs<I, A, 'an input of this component', B>
  ): Task<O, B>;
  subPipeline<P extends ParamPortMap, O extends PortMap, A = unknown>(
    id: string,
    pipeline: Pipeline<P, O>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline', B>
  ): PipelineTask<O, B>;
  when(cond: CondFor<B>, body: (p: PipelineBuilder<B>) => void): Branches<B>;
  forEach<T, R extends LoopReturnFor<B>>(
    id: string,
    items: readonly T[] | ParamRef<readonly T[]> | ParamRef<T[]>,
    body: (p: PipelineBuilder<B>, item: ItemRef<T>) => R,
    opts?: { readonly parallelism?: number },
  ): Loop<R extends void ? {} : R>;
  forEach<K extends string, R extends LoopReturnFor<B>>(
    id: string,
    items: ArtifactItemsFor<K, B>,
    body: (p: PipelineBuilder<B>, item: ArtifactRef<K>) => R,
    opts?: { readonly parallelism?: number },
  ): Loop<R extends void ? {} : R>;
  onExit<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: ComponentFor<B, I, O>,
    ...args: ExactTaskArgs<I, A, 'an input of this component', B>
  ): Task<O, B>;
  submit<P extends ParamPortMap, A = unknown>(
    id: SubmitId<B>,
    target: Pipeline<P>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): Submission;
}

/** What a loop body of a builder bound to `B` may return. */
export type LoopReturnFor<B extends BoundTarget> = B extends 'argo' ? ArgoCollectsParametersOnly : LoopReturn;

export class Scope implements UnboundPipelineBuilder {
  constructor(
    private readonly state: BuildState,
    private readonly nodes: NodeState[],
    private readonly groups: readonly GroupFrame[],
  ) {}

  private site(path: readonly PathSegment[], inExitHandler = false): UseSite {
    return { groups: this.groups, inExitHandler, path };
  }

  private claimId(id: unknown, kind: string): string {
    const path = [...this.state.path, seg(kind, String(id))];
    assertDnsLabel(id, path, `${kind} id`);
    if (this.state.ids.has(id as string)) {
      throw new DslError({
        path,
        problem: `duplicate id: a task, loop or condition named "${String(id)}" already exists`,
        got: id,
        fix: 'Give every task and loop of a pipeline its own id',
      });
    }
    this.state.ids.add(id as string);
    return id as string;
  }

  private addTask(id: string, component: AnyComponent, args: unknown, inExitHandler: boolean): TaskState {
    const path = [...this.state.path, seg('task', id)];
    if (!component || component.kind !== 'component' || !component.ir) {
      const isPipeline = (component as unknown as AnyPipeline | undefined)?.kind === 'pipeline';
      if (isPipeline)
        throw new DslError({
          path,
          problem: 'expected a component but got a pipeline',
          got: (component as unknown as AnyPipeline).name,
          fix: 'Run a pipeline as a step with p.subPipeline(id, pipeline, args)',
        });
      throw new DslError({
        path,
        problem: 'expected a component',
        got: component,
        fix: 'Pass a value created with component()',
      });
    }
    this.claimId(id, 'task');
    assertUniqueNames(this.state, { components: [component.ir], pipelines: [] }, path);
    if (!this.state.components.has(component.name)) this.state.components.set(component.name, component.ir);
    const boundArgs = bindArgs(this.state, component.ir, args, this.site(path, inExitHandler));
    const task: TaskState = {
      id,
      component,
      args: boundArgs,
      groups: this.groups,
      inExitHandler,
      after: [],
      overrides: {},
    };
    this.state.tasks.set(id, task);
    return task;
  }

  task<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: Component<I, O>,
    ...args: ExactTaskArgs<I, A>
  ): Task<O> {
    const task = this.addTask(id, component, args[0], false);
    this.nodes.push({ kind: 'task', task });
    return new Task<O>(this.state, task);
  }

  subPipeline<P extends ParamPortMap, O extends PortMap, A = unknown>(
    id: string,
    pipeline: Pipeline<P, O>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): PipelineTask<O> {
    const path = [...this.state.path, seg('task', String(id))];
    if (!pipeline || (pipeline as AnyPipeline).kind !== 'pipeline' || !(pipeline as AnyPipeline).ir) {
      throw new DslError({
        path,
        problem: 'expected a pipeline',
        got: pipeline,
        fix: 'Pass a value created with pipeline(); run components with p.task()',
      });
    }
    this.claimId(id, 'task');
    const task = addPipelineTask(this.state, id, pipeline, args[0], this.site(path));
    this.nodes.push({ kind: 'task', task });
    return new PipelineTask<O>(this.state, task);
  }

  oneOf<T>(...values: readonly [ParamRef<T>, ParamRef<T>, ...ParamRef<T>[]]): ParamRef<T>;
  oneOf<K extends string>(...values: readonly [ArtifactRef<K>, ArtifactRef<K>, ...ArtifactRef<K>[]]): ArtifactRef<K>;
  oneOf(...values: unknown[]): ParamRef<unknown> | ArtifactRef<string> {
    return addOneOf(this.state, values, this.site([...this.state.path, 'oneOf']));
  }

  createPvc(id: string, spec: PvcSpec): PvcClaim {
    this.claimId(id, 'task');
    const task = addCreatePvc(this.state, id, spec, this.site([...this.state.path, seg('task', id)]));
    this.nodes.push({ kind: 'task', task });
    return new PvcTask(this.state, task) as PvcClaim;
  }

  deletePvc(id: string, claim: PvcClaim | ParamRef<string> | string): PvcTask<{}> {
    this.claimId(id, 'task');
    const task = addDeletePvc(this.state, id, claim, this.site([...this.state.path, seg('task', id)]));
    this.nodes.push({ kind: 'task', task });
    return new PvcTask<{}>(this.state, task);
  }

  onExit<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: Component<I, O>,
    ...args: ExactTaskArgs<I, A>
  ): Task<O> {
    if (this.groups.length > 0) {
      throw new DslError({
        path: [...this.state.path, seg('task', String(id))],
        problem: 'p.onExit() must be called at the top level of the pipeline',
        got: this.groups.map((g) => g.id),
        fix: 'Move it out of p.when()/p.forEach()',
      });
    }
    const task = this.addTask(id, component, args[0], true);
    this.state.exitTasks.push(task);
    return new Task<O>(this.state, task);
  }

  submit<P extends ParamPortMap, A = unknown>(
    id: string,
    target: Pipeline<P>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): Submission {
    this.claimId(id, 'submit');
    const task = addSubmit(this.state, id, target, args[0], this.site([...this.state.path, seg('submit', id)]));
    this.nodes.push({ kind: 'task', task });
    return new Submission(this.state, task);
  }

  when(cond: Cond, body: (p: PipelineBuilder) => void): Branches {
    const id = `condition-${++this.state.conditionCounter}`;
    this.state.ids.add(id);
    const node: ConditionState = { kind: 'condition', id, branches: [], groups: this.groups, outputs: [] };
    this.state.conditions.set(id, node);
    this.nodes.push(node);
    let closed = false;
    const addBranch = (c: Cond | undefined, fn: (p: PipelineBuilder) => void): void => {
      const branchId = `${id}-${node.branches.length + 1}`;
      const path = [...this.state.path, seg('condition', branchId)];
      if (closed)
        throw new DslError({
          path,
          problem: 'no branch can follow .otherwise()',
          got: branchId,
          fix: 'Put .otherwise() last',
        });
      if (c !== undefined) checkCond(this.state, c, this.site(path));
      const mixed = node.branches.find((b) => b.cond && classifyCond(b.cond.ir) === 'mixed');
      if (mixed) {
        throw new DslError({
          path,
          problem: 'cannot negate a condition that mixes task status and parameter values, as this branch requires',
          got: mixed.id,
          fix: 'Use separate p.when() blocks with explicit conditions instead of elseWhen/otherwise',
        });
      }
      if (typeof fn !== 'function')
        throw new DslError({
          path,
          problem: 'branch body must be a function',
          got: fn,
          fix: 'Pass (p) => { p.task(...) }',
        });
      const branch: BranchState = { id: branchId, ...(c ? { cond: c } : {}), nodes: [] };
      node.branches.push(branch);
      fn(new Scope(this.state, branch.nodes, [...this.groups, { kind: 'branch', id: branchId }]));
    };
    addBranch(cond, body);
    const branches: Branches = {
      elseWhen: (c, fn) => {
        addBranch(c, fn);
        return branches;
      },
      otherwise: (fn) => {
        addBranch(undefined, fn);
        closed = true;
      },
    };
    return branches;
  }

  forEach<T, R extends LoopReturn>(
    id: string,
    items: readonly T[] | ParamRef<readonly T[]> | ParamRef<T[]>,
    body: (p: PipelineBuilder, item: ItemRef<T>) => R,
    opts?: { readonly parallelism?: number },
  ): Loop<R extends void ? {} : R>;
  forEach<K extends string, R extends LoopReturn>(
    id: string,
    items: ArtifactListRef<K>,
    body: (p: PipelineBuilder, item: ArtifactRef<K>) => R,
    opts?: { readonly parallelism?: number },
  ): Loop<R extends void ? {} : R>;
  forEach(
    id: string,
    items: unknown,
    body: (p: PipelineBuilder, item: never) => LoopReturn,
    opts: { readonly parallelism?: number } = {},
  ): Loop<{}> {
    this.claimId(id, 'loop');
    const path = [...this.state.path, seg('loop', id)];
    const parallelism = opts.parallelism;
    if (parallelism !== undefined && (!Number.isInteger(parallelism) || parallelism < 1)) {
      throw new DslError({
        path: [...path, 'parallelism'],
        problem: 'parallelism must be a positive integer',
        got: parallelism,
        fix: 'Use e.g. { parallelism: 4 }',
      });
    }
    let loopItems: LoopState['items'];
    let itemTypes: ItemTypeInfo = {};
    if (Array.isArray(items)) {
      if (items.length === 0)
        throw new DslError({
          path,
          problem: 'a static loop needs at least one item',
          got: items,
          fix: 'Pass a non-empty list',
        });
      bindParam(this.state, 'json', undefined, items, this.site([...path, 'items']));
      loopItems = { kind: 'static', values: [...items] };
      itemTypes = inferItemTypes(items);
    } else if (items instanceof ParamRef) {
      if (items.type !== undefined && items.type !== 'json') {
        throw new DslError({
          path: [...path, 'items'],
          problem: 'a dynamic loop needs a JSON list',
          got: `${article(items.type ?? '')} ${items.type} reference`,
          fix: 'Declare the upstream output as param.json<T[]>()',
        });
      }
      checkVisible(this.state, items.scope, items.value, this.site([...path, 'items']));
      loopItems = { kind: 'param', value: items.value };
    } else if (items instanceof ArtifactListRef) {
      checkVisible(this.state, items.scope, items.value, this.site([...path, 'items']));
      loopItems = { kind: 'artifacts', value: items.value, artifactType: items.artifactType };
    } else {
      throw new DslError({
        path: [...path, 'items'],
        problem: 'loop items must be a list, a JSON-list reference or a list of artifacts',
        got: isRef(items) ? 'one artifact' : items,
        fix: 'Pass an array, a param.list<T>() output or a collected artifact output',
      });
    }
    const loop: LoopState = {
      id,
      groups: this.groups,
      items: loopItems,
      ...(parallelism ? { parallelism } : {}),
      nodes: [],
      collect: [],
      after: [],
    };
    this.state.loops.set(id, loop);
    this.nodes.push({ kind: 'loop', loop });
    const frame: GroupFrame = { kind: 'loop', id };
    const item =
      loopItems.kind === 'artifacts'
        ? new ArtifactRef({ kind: 'loopItem', loop: id, path: [] }, this.state.scope, loopItems.artifactType)
        : itemRef(this.state.scope, id, [], itemTypes);
    const result = body(new Scope(this.state, loop.nodes, [...this.groups, frame]), item as never);
    loop.collect = collectOutputs(this.state, loop, result, path);
    return new Loop(this.state, loop);
  }
}

interface ItemTypeInfo {
  type?: ParamTypeIR;
  fields?: Record<string, ItemTypeInfo>;
}

/** Derives parameter types of static loop items, so comparisons and wiring can be checked. */
function inferItemTypes(values: readonly unknown[]): ItemTypeInfo {
  const kinds = new Set(values.map((v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)));
  if (kinds.size !== 1) return {};
  const [kind] = kinds;
  if (kind === 'string') return { type: 'string' };
  if (kind === 'boolean') return { type: 'bool' };
  if (kind === 'number') return { type: values.every((v) => Number.isInteger(v)) ? 'int' : 'float' };
  if (kind === 'object') {
    const keys = new Set(values.flatMap((v) => Object.keys(v as object)));
    const fields: Record<string, ItemTypeInfo> = {};
    for (const k of keys) fields[k] = inferItemTypes(values.map((v) => (v as Record<string, unknown>)[k]));
    return { type: 'json', fields };
  }
  return { type: 'json' };
}

function itemRef(scope: ScopeId, loop: string, path: string[], types: ItemTypeInfo): ParamRef<unknown> {
  const ref = new ParamRef<unknown>({ kind: 'loopItem', loop, path }, scope, types.type);
  return new Proxy(ref, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop in target || prop === 'then') return Reflect.get(target, prop, receiver);
      return itemRef(scope, loop, [...path, prop], types.fields?.[prop] ?? {});
    },
  });
}

function collectOutputs(
  state: BuildState,
  loop: LoopState,
  result: unknown,
  path: readonly PathSegment[],
): LoopState['collect'] {
  if (result === undefined) return [];
  if (result === null || typeof result !== 'object' || isRef(result)) {
    throw new DslError({
      path,
      problem: 'a loop body may only return an object of task outputs',
      got: result,
      fix: 'Return e.g. { score: task.outputs.score }',
    });
  }
  return Object.entries(result as Record<string, unknown>).map(([name, value]) => {
    const at = [...path, seg('output', name)];
    if (
      !(value instanceof ParamRef || value instanceof ArtifactRef) ||
      value.scope !== state.scope ||
      value.value.kind !== 'taskOutput'
    ) {
      const got =
        value instanceof ArtifactRef
          ? `artifact ${value.artifactType} ${describeValue(value.value)}`
          : value instanceof ParamRef
            ? describeValue(value.value)
            : value;
      throw new DslError({
        path: at,
        problem: 'only outputs of tasks in the loop body can be collected',
        got,
        fix: 'Return a task output, e.g. task.outputs.score',
      });
    }
    const task = state.tasks.get(value.value.task);
    const last = task?.groups[task.groups.length - 1];
    if (!task || last?.kind !== 'loop' || last.id !== loop.id) {
      throw new DslError({
        path: at,
        problem:
          'collected outputs must come from tasks directly in this loop body (not inside a condition or another loop)',
        got: value.value.task,
        fix: 'Move the task to the top of the loop body',
      });
    }
    const port = task.component.ir.outputs.find((o) => o.name === (value.value as { output: string }).output) as PortIR;
    return { name, task: task.id, output: port.name, port };
  });
}
