import type { BoundTarget, CondFor } from './backend-bound.ts';
import type { BuildState, TaskState } from './build-state.ts';
import type { StatusTarget } from './conditions.ts';
import type { PortMap } from './ports.ts';
import type { ScopeId } from './refs.ts';
import { Task, type Dependable } from './task.ts';
import type { OutputRefs } from './typing.ts';

/**
 * A pipeline step that is not a plain component task (a called pipeline, a claim operation, a
 * submission): typed outputs, ordering, conditions and a display name, and nothing that
 * configures a container.
 */
export abstract class Step<O extends PortMap, T extends BoundTarget = undefined> implements StatusTarget {
  readonly outputs: OutputRefs<O>;
  readonly scope: ScopeId;
  protected readonly task: Task<O>;
  constructor(
    state: BuildState,
    protected readonly step: TaskState,
  ) {
    this.task = new Task<O>(state, step);
    this.outputs = this.task.outputs;
    this.scope = state.scope;
  }

  get id(): string {
    return this.step.id;
  }

  /** Runs this step only after the given tasks or loops, without passing data. */
  after(...deps: Dependable[]): this {
    this.task.after(...deps);
    return this;
  }

  /** Runs this step only when the condition holds (combined with any enclosing `p.when`). */
  when(cond: CondFor<T>): this {
    this.task.when(cond);
    return this;
  }

  /** A human-friendly name shown in UIs. */
  displayName(name: string): this {
    this.task.displayName(name);
    return this;
  }
}
