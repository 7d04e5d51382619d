import type {
  ArgoCollectsParametersOnly,
  ArtifactItemsFor,
  BoundTarget,
  ComponentFor,
  CondFor,
  SubmitId,
} from './backend-bound.ts';
import type { Component } from './component.ts';
import type { Cond } from './conditions.ts';
import type { Pipeline } from './pipeline.ts';
import type { ParamPortMap, PortMap } from './ports.ts';
import type { PvcClaim, PvcSpec, PvcTask } from './pvc.ts';
import type { ArtifactListRef, ArtifactRef, ParamRef } from './refs.ts';
import type { PipelineTask } from './sub-pipeline.ts';
import type { Submission } from './submit.ts';
import type { Loop, Task } from './task.ts';
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
