import type { BoundTarget, CondFor } from './backend-bound.ts';
import { Cond, isCond, type StatusTarget } from './conditions.ts';
import type { BuildState, LoopState, TaskState } from './build-state.ts';
import { isBroken, recover } from '../common/collect.ts';
import { toSeconds, type Duration } from '../common/duration.ts';
import { withMissingNames } from './stand-ins.ts';
import { DslError, seg } from '../errors.ts';
import { resourcesToIR, type ResourceSpec } from './pod-spec.ts';
import { cacheToIR, retryToIR, type RetrySpec } from './policies.ts';
import { bindMount, type MountOptions } from './mount.ts';
import type { PvcClaim } from './pvc.ts';
import type { PortMap } from './ports.ts';
import { ArtifactListRef, ArtifactRef, ParamRef, type ScopeId } from './refs.ts';
import type { OutputRefs } from './typing.ts';

/** A task or loop another task can be ordered after. */
export type Dependable = StatusTarget;

/**
 * A step of a pipeline, returned by `p.task()`. Its `outputs` are typed references; its methods
 * adjust how this one task runs.
 *
 * @example
 * ```ts
 * const train = p.task('train', trainXgboost, { dataset: features.outputs.table, learningRate: 0.05 })
 *   .retry({ limit: 2, policy: 'OnError' })
 *   .timeout(hours(4));
 * train.outputs.model; // ArtifactRef<'Model'>
 * ```
 */
export class Task<O extends PortMap, T extends BoundTarget = undefined> implements StatusTarget {
  readonly outputs: OutputRefs<O>;
  readonly scope: ScopeId;
  constructor(
    private readonly state: BuildState,
    private readonly task: TaskState,
  ) {
    this.scope = state.scope;
    const outs: Record<string, unknown> = {};
    for (const port of task.signature.outputs) {
      const value = { kind: 'taskOutput', task: task.id, output: port.name } as const;
      outs[port.name] =
        port.kind === 'artifact'
          ? port.list
            ? new ArtifactListRef(value, state.scope, port.artifactType)
            : new ArtifactRef(value, state.scope, port.artifactType)
          : new ParamRef(value, state.scope, port.type);
    }
    this.outputs = withMissingNames(outs, seg('task', task.id), `${task.id}.outputs`, 'output') as OutputRefs<O>;
  }

  get id(): string {
    return this.task.id;
  }

  private get path() {
    return [...this.state.path, seg('task', this.task.id)];
  }

  /** Applies one setting; while a build collects errors, a bad one is recorded and the task goes on. */
  private set(apply: () => void): this {
    recover(apply, () => undefined);
    return this;
  }

  /** Runs this task only after the given tasks or loops, without passing data. */
  after(...deps: Dependable[]): this {
    deps.forEach((d, i) => this.set(() => this.afterOne(d, i)));
    return this;
  }

  private afterOne(d: Dependable, i: number): void {
    if (isBroken(d)) {
      this.state.tainted = true;
      return;
    }
    if (
      !d ||
      typeof d.id !== 'string' ||
      d.scope !== this.state.scope ||
      !(this.state.tasks.has(d.id) || this.state.loops.has(d.id))
    ) {
      throw new DslError({
        path: [...this.path, `after[${i}]`],
        problem: 'can only wait for a task or loop of the same pipeline',
        got: d && typeof d === 'object' ? (d as { id?: unknown }).id : d,
        fix: 'Pass a value returned by p.task() or p.forEach() in this pipeline',
      });
    }
    if (d.id === this.task.id) {
      throw new DslError({
        path: [...this.path, `after[${i}]`],
        problem: 'a task cannot wait for itself',
        got: d.id,
        fix: 'Remove it from .after()',
      });
    }
    if (!this.task.after.includes(d.id)) this.task.after.push(d.id);
  }

  /**
   * Runs this task only when the condition holds (combined with any enclosing `p.when`). In a
   * pipeline pinned to KFP, Argo-only status tests such as `failed()` are type errors.
   */
  when(cond: CondFor<T>): this {
    if (isBroken(cond)) this.state.tainted = true;
    return this.set(() => {
      if (!isCond(cond)) {
        throw new DslError({
          path: [...this.path, 'when'],
          problem: 'expected a condition',
          got: cond,
          fix: 'Build it with eq(), gt(), succeeded(), and(), ...',
        });
      }
      this.task.when = this.task.when
        ? new Cond({ kind: 'and', items: [this.task.when.ir, cond.ir] }, [...this.task.when.scopes, ...cond.scopes])
        : cond;
    });
  }

  /** Overrides the component's retry policy for this task. */
  retry(spec: RetrySpec): this {
    return this.set(() => {
      const retry = retryToIR(spec, this.path);
      this.task.overrides = { ...this.task.overrides, ...(retry ? { retry } : {}) };
    });
  }

  /** Overrides the component's timeout for this task. */
  timeout(duration: Duration): this {
    return this.set(() => {
      this.task.overrides = { ...this.task.overrides, timeoutSeconds: toSeconds(duration, [...this.path, 'timeout']) };
    });
  }

  /** Turns result caching off (`false`) or on for this task, keeping the component's cache key. */
  cache(enabled: boolean, opts: { maxAge?: Duration } = {}): this {
    return this.set(() => {
      const keyParts = this.task.component?.cache?.keyParts ?? [];
      if (enabled && keyParts.length === 0 && this.task.signature.inputs.some((p) => p.kind === 'artifact')) {
        throw new DslError({
          path: [...this.path, 'cache'],
          problem: 'caching a task with artifact inputs needs a cache key on its component',
          got: enabled,
          fix: 'Declare cache: { key: (io) => [...] } on the component',
        });
      }
      const cache = cacheToIR(enabled ? { ...opts } : false, keyParts, this.path);
      this.task.overrides = { ...this.task.overrides, ...(cache ? { cache } : {}) };
    });
  }

  /** Overrides the component's CPU, memory and GPU for this task. */
  resources(spec: ResourceSpec): this {
    return this.set(() => {
      const resources = resourcesToIR(spec, this.path);
      this.task.overrides = { ...this.task.overrides, ...(resources ? { resources } : {}) };
    });
  }

  /** A human-friendly name shown in UIs. */
  displayName(name: string): this {
    this.task.displayName = name;
    return this;
  }

  /**
   * Mounts a PersistentVolumeClaim into this task's container: a claim made by `p.createPvc()`,
   * a string parameter or the name of an existing claim. Reading a created claim orders this
   * task after its creation.
   */
  mount(claim: PvcClaim | ParamRef<string> | string, mountPath: string, opts: MountOptions = {}): this {
    return this.set(() => {
      const mount = bindMount(this.state, this.task, claim, mountPath, opts, [...this.path, 'mount']);
      this.task.mounts = [...(this.task.mounts ?? []), mount];
    });
  }
}

/**
 * References to a loop's collected outputs: each parameter becomes a JSON list over all
 * iterations, each artifact a list of artifacts (Kubeflow Pipelines only).
 */
export type CollectedRefs<R> = {
  readonly [K in keyof R]: R[K] extends ParamRef<infer T>
    ? ParamRef<T[]>
    : R[K] extends ArtifactRef<infer A>
      ? ArtifactListRef<A>
      : never;
};

/**
 * A loop returned by `p.forEach()`. Its `outputs` collect what the body returned, one list
 * entry per iteration.
 *
 * @example
 * ```ts
 * const shards = p.forEach('score-shards', ['a', 'b', 'c'], (p, shard) => {
 *   const s = p.task('score', scoreShard, { shard });
 *   return { rows: s.outputs.rowCount };
 * });
 * p.task('summarize', summarize, { counts: shards.outputs.rows }); // ParamRef<number[]>
 * ```
 */
export class Loop<R> implements StatusTarget {
  readonly outputs: CollectedRefs<R>;
  readonly scope: ScopeId;
  constructor(
    private readonly state: BuildState,
    private readonly loop: LoopState,
  ) {
    this.scope = state.scope;
    const outs: Record<string, ParamRef<unknown> | ArtifactListRef<string>> = {};
    for (const c of loop.collect) {
      const value = { kind: 'loopOutput', loop: loop.id, output: c.name } as const;
      outs[c.name] =
        c.port.kind === 'artifact'
          ? new ArtifactListRef(value, state.scope, c.port.artifactType)
          : new ParamRef(value, state.scope, 'json');
    }
    this.outputs = withMissingNames(outs, seg('loop', loop.id), `${loop.id}.outputs`, 'output') as CollectedRefs<R>;
  }

  get id(): string {
    return this.loop.id;
  }

  /** Starts the loop only after the given tasks or loops. */
  after(...deps: Dependable[]): this {
    deps.forEach((d, i) => {
      if (isBroken(d)) {
        this.state.tainted = true;
        return;
      }
      if (
        !d ||
        d.scope !== this.state.scope ||
        !(this.state.tasks.has(d.id) || this.state.loops.has(d.id)) ||
        d.id === this.loop.id
      ) {
        throw new DslError({
          path: [...this.state.path, seg('loop', this.loop.id), `after[${i}]`],
          problem: 'can only wait for another task or loop of the same pipeline',
          got: d?.id,
          fix: 'Pass a value returned by p.task() or p.forEach()',
        });
      }
      if (!this.loop.after.includes(d.id)) this.loop.after.push(d.id);
    });
    return this;
  }
}
