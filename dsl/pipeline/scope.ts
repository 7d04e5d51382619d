import { bindArgs, type UseSite } from './args.ts';
import type { BranchState, BuildState, ConditionState, GroupFrame, NodeState, TaskState } from './build-state.ts';
import { attachedErrors, isBroken, recover, report } from '../common/collect.ts';
import type { AnyComponent, Component } from './component.ts';
import { checkCond } from './cond-check.ts';
import type { Cond } from './conditions.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import { classifyCond } from '../ir/conditions.ts';
import { assertDnsLabel } from '../common/names.ts';
import { addLoop } from './loop.ts';
import { addOneOf } from './one-of.ts';
import type { AnyPipeline, Pipeline } from './pipeline.ts';
import type { Branches, ItemRef, LoopReturn, PipelineBuilder, UnboundPipelineBuilder } from './pipeline-builder.ts';
import type { ParamPortMap, PortMap } from './ports.ts';
import { addCreatePvc, addDeletePvc, PvcTask, type PvcClaim, type PvcSpec } from './pvc.ts';
import type { ArtifactListRef, ArtifactRef, ParamRef } from './refs.ts';
import { BrokenRef, BrokenStep } from './stand-ins.ts';
import { addPipelineTask, assertUniqueNames, PipelineTask } from './sub-pipeline.ts';
import { addSubmit, Submission } from './submit.ts';
import type { Loop } from './task.ts';
import { Task } from './task.ts';
import type { ExactTaskArgs } from './typing.ts';

/**
 * The builder every pipeline build function receives, for every backend (the bound builder types
 * only narrow what may be called). Each step is built on its own: while a project build collects
 * errors, a step that fails records its mistake and becomes a {@link BrokenStep}, and the next
 * steps still build and report theirs.
 */
export class Scope implements UnboundPipelineBuilder {
  constructor(
    private readonly state: BuildState,
    private readonly nodes: NodeState[],
    private readonly groups: readonly GroupFrame[],
  ) {}

  private site(path: readonly PathSegment[], inExitHandler = false): UseSite {
    return { groups: this.groups, inExitHandler, path };
  }

  /** A stand-in for a step that failed to build; ids of its kind are known to be broken. */
  private broken(id: unknown): BrokenStep {
    this.state.broken.add(String(id));
    this.state.tainted = true;
    return new BrokenStep(String(id), this.state.scope);
  }

  /** Keeps the mistakes of what a step runs, so the pipeline carries them (see attachErrors). */
  private uses(value: unknown): void {
    this.state.inherited.push(...attachedErrors(value));
  }

  /** Builds one step; a mistake in it is recorded (while collecting) and the step becomes a stand-in. */
  private step<T>(id: unknown, build: () => T): T {
    return recover(build, () => this.broken(id) as T);
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
      signature: component.ir,
      component: component.ir,
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
    this.uses(component);
    // A broken component's mistake is recorded where it was defined; its tasks are not mistakes of their own.
    if (isBroken(component)) return this.broken(id) as unknown as Task<O>;
    return this.step(id, () => {
      const task = this.addTask(id, component, args[0], false);
      this.nodes.push({ kind: 'task', task });
      return new Task<O>(this.state, task);
    });
  }

  subPipeline<P extends ParamPortMap, O extends PortMap, A = unknown>(
    id: string,
    pipeline: Pipeline<P, O>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): PipelineTask<O> {
    this.uses(pipeline);
    if (isBroken(pipeline)) return this.broken(id) as unknown as PipelineTask<O>;
    return this.step(id, () => {
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
    });
  }

  oneOf<T>(...values: readonly [ParamRef<T>, ParamRef<T>, ...ParamRef<T>[]]): ParamRef<T>;
  oneOf<K extends string>(...values: readonly [ArtifactRef<K>, ArtifactRef<K>, ...ArtifactRef<K>[]]): ArtifactRef<K>;
  oneOf(...values: unknown[]): ParamRef<unknown> | ArtifactRef<string> {
    if (values.some(isBroken)) {
      this.state.tainted = true;
      return new BrokenRef() as unknown as ParamRef<unknown>;
    }
    return recover(
      () => addOneOf(this.state, values, this.site([...this.state.path, 'oneOf'])),
      () => new BrokenRef() as unknown as ParamRef<unknown>,
    );
  }

  createPvc(id: string, spec: PvcSpec): PvcClaim {
    return this.step(id, () => {
      this.claimId(id, 'task');
      const task = addCreatePvc(this.state, id, spec, this.site([...this.state.path, seg('task', id)]));
      this.nodes.push({ kind: 'task', task });
      return new PvcTask(this.state, task) as PvcClaim;
    });
  }

  deletePvc(id: string, claim: PvcClaim | ParamRef<string> | string): PvcTask<{}> {
    if (isBroken(claim)) return this.broken(id) as unknown as PvcTask<{}>;
    return this.step(id, () => {
      this.claimId(id, 'task');
      const task = addDeletePvc(this.state, id, claim, this.site([...this.state.path, seg('task', id)]));
      this.nodes.push({ kind: 'task', task });
      return new PvcTask<{}>(this.state, task);
    });
  }

  onExit<I extends PortMap, O extends PortMap, A = unknown>(
    id: string,
    component: Component<I, O>,
    ...args: ExactTaskArgs<I, A>
  ): Task<O> {
    this.uses(component);
    if (isBroken(component)) return this.broken(id) as unknown as Task<O>;
    return this.step(id, () => {
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
    });
  }

  submit<P extends ParamPortMap, A = unknown>(
    id: string,
    target: Pipeline<P>,
    ...args: ExactTaskArgs<P, A, 'a parameter of this pipeline'>
  ): Submission {
    this.uses(target);
    if (isBroken(target)) return this.broken(id) as unknown as Submission;
    return this.step(id, () => {
      this.claimId(id, 'submit');
      const task = addSubmit(this.state, id, target, args[0], this.site([...this.state.path, seg('submit', id)]));
      this.nodes.push({ kind: 'task', task });
      return new Submission(this.state, task);
    });
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
      if (isBroken(c)) this.state.tainted = true;
      // A bad condition is its own mistake: the branch body still builds and reports its own.
      const valid =
        c === undefined ||
        isBroken(c) ||
        recover(
          () => (checkCond(this.state, c, this.site(path)), true),
          () => false,
        );
      const mixed = node.branches.find((b) => b.cond && classifyCond(b.cond.ir) === 'mixed');
      if (mixed) {
        report(
          new DslError({
            path,
            problem: 'cannot negate a condition that mixes task status and parameter values, as this branch requires',
            got: mixed.id,
            fix: 'Use separate p.when() blocks with explicit conditions instead of elseWhen/otherwise',
          }),
        );
      }
      if (typeof fn !== 'function')
        throw new DslError({
          path,
          problem: 'branch body must be a function',
          got: fn,
          fix: 'Pass (p) => { p.task(...) }',
        });
      const branch: BranchState = { id: branchId, ...(c && valid && !isBroken(c) ? { cond: c } : {}), nodes: [] };
      node.branches.push(branch);
      fn(new Scope(this.state, branch.nodes, [...this.groups, { kind: 'branch', id: branchId }]));
    };
    const branch = (c: Cond | undefined, fn: (p: PipelineBuilder) => void): void =>
      recover(
        () => addBranch(c, fn),
        () => undefined,
      );
    branch(cond, body);
    const branches: Branches = {
      elseWhen: (c, fn) => {
        branch(c, fn);
        return branches;
      },
      otherwise: (fn) => {
        branch(undefined, fn);
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
    return this.step(id, () => {
      this.claimId(id, 'loop');
      return addLoop(
        this.state,
        this.nodes,
        this.groups,
        { id, items, body, opts },
        (nodes, groups) => new Scope(this.state, nodes, groups),
      );
    });
  }
}
