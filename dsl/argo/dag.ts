import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoDagIR } from '../ir/argo-template.ts';
import {
  claimName,
  nodeHandle,
  renderNode,
  type ArgsOption,
  type LooseNodeOptions,
  type NodeHandle,
  type NodeOptions,
  type OptionsArg,
  type PendingNode,
} from './step-common.ts';
import { assertTemplateName, type Callable, type DeferredBody, type RunRef } from './template.ts';
import { brand, guard } from '../common/brand.ts';

type Status = 'Succeeded' | 'Failed' | 'Errored' | 'Skipped' | 'Omitted' | 'Daemoned' | 'AnySucceeded' | 'AllFailed';

/**
 * A `depends` expression over the tasks of one DAG (Argo's enhanced depends logic).
 * Build it from task handles with {@link and}, {@link or}, {@link not} and the status fields.
 *
 * @example
 * ```ts
 * d.task('report', report, { depends: or(train.failed, and(evaluate, not(deploy.skipped))) });
 * ```
 */
export class Depends {
  constructor(
    /** @internal */ readonly op: 'task' | 'and' | 'or' | 'not',
    /** @internal */ readonly parts: readonly (Depends | TaskHandle<unknown>)[],
    /** @internal */ readonly status?: Status,
  ) {}

  /** The `depends` text, e.g. `A && (B.Succeeded || B.Failed)`. */
  render(): string {
    switch (this.op) {
      case 'task': {
        const t = this.parts[0] as TaskHandle<unknown>;
        return this.status ? `${t.name}.${this.status}` : t.name;
      }
      case 'not':
        return `!${wrap(this.parts[0] as DependsLike, 'not')}`;
      default: {
        const op = this.op;
        return this.parts.map((p) => wrap(p, op)).join(op === 'and' ? ' && ' : ' || ');
      }
    }
  }

  /** @internal Every task this expression mentions. */
  tasks(): TaskHandle<unknown>[] {
    return this.op === 'task'
      ? [this.parts[0] as TaskHandle<unknown>]
      : this.parts.flatMap((p) => toDepends(p).tasks());
  }
}
brand(Depends, 'argo.Depends');
const isDepends = guard<Depends>('argo.Depends');

/** A task handle (it means "succeeded", like in Argo) or a depends expression. */
export type DependsLike = Depends | TaskHandle<unknown>;

const toDepends = (d: DependsLike): Depends => (isDepends(d) ? d : new Depends('task', [d]));

function wrap(d: DependsLike, parent: 'and' | 'or' | 'not'): string {
  const dep = toDepends(d);
  const needs =
    parent === 'not' ? dep.op === 'and' || dep.op === 'or' : dep.op !== 'task' && dep.op !== 'not' && dep.op !== parent;
  return needs ? `(${dep.render()})` : dep.render();
}

/**
 * All of the given conditions: `A && B`.
 * @example
 * ```ts
 * d.task('D', echo, { depends: and(B, C), arguments: { parameters: { message: 'D' } } });
 * ```
 */
export const and = (...parts: readonly DependsLike[]): Depends => new Depends('and', parts);
/**
 * Any of the given conditions: `A || B`.
 * @example
 * ```ts
 * d.task('E', echo, { depends: or(B.failed, C) });
 * ```
 */
export const or = (...parts: readonly DependsLike[]): Depends => new Depends('or', parts);
/**
 * Negation: `!A`.
 * @example
 * ```ts
 * d.task('cleanup', echo, { depends: not(A.succeeded) });
 * ```
 */
export const not = (part: DependsLike): Depends => new Depends('not', [part]);

/** A DAG task: its outputs, node fields and status conditions for `depends`. */
export interface TaskHandle<O> extends NodeHandle<O> {
  readonly succeeded: Depends;
  readonly failed: Depends;
  readonly errored: Depends;
  readonly skipped: Depends;
  readonly omitted: Depends;
  readonly daemoned: Depends;
  readonly anySucceeded: Depends;
  readonly allFailed: Depends;
  /** @internal The DAG this task belongs to. */
  readonly owner: DagBuilder;
}

/** Options of a task: step options plus what it depends on. */
export type TaskOptions<I, O = unknown, H = {}> = NodeOptions<O, H> & {
  /** Run after these tasks (by default: after they succeeded). */
  readonly depends?: DependsLike;
  /** Older form of `depends`: all listed tasks succeeded. */
  readonly dependencies?: readonly TaskHandle<unknown>[];
} & ArgsOption<I>;

type PendingTask = PendingNode<
  LooseNodeOptions & { readonly depends?: DependsLike; readonly dependencies?: readonly TaskHandle<unknown>[] }
>;

/**
 * Adds tasks to a DAG template; `dag()` passes one to its build function.
 *
 * @example
 * ```ts
 * dag((d: DagBuilder) => { d.task('A', echo, { arguments: { parameters: { message: 'A' } } }); });
 * ```
 */
export class DagBuilder {
  /** @internal */
  readonly pending: PendingTask[] = [];
  /** @internal */
  targets: readonly (TaskHandle<unknown> | string)[] = [];
  private readonly names = new Set<string>();
  constructor(private readonly path: readonly PathSegment[]) {}

  /**
   * Adds a task. Without `depends` it starts with the DAG.
   * @example
   * ```ts
   * const A = d.task('A', echo, { arguments: { parameters: { message: 'A' } } });
   * d.task('B', echo, { depends: A, arguments: { parameters: { message: 'B' } } });
   * ```
   */
  task<I, O, H = {}>(name: string, run: Callable<I, O>, ...opts: OptionsArg<I, TaskOptions<I, O, H>>): TaskHandle<O> {
    const at = [...this.path, seg('task', String(name))];
    assertTemplateName(name, at, 'task name');
    claimName(this.names, name, at, 'task');
    this.pending.push({ name, run: run as Callable<unknown, unknown>, opts: opts[0] as PendingTask['opts'] });
    const base = nodeHandle<O>('tasks', name);
    const handle: TaskHandle<O> = {
      ...base,
      owner: this,
      get succeeded() {
        return status('Succeeded');
      },
      get failed() {
        return status('Failed');
      },
      get errored() {
        return status('Errored');
      },
      get skipped() {
        return status('Skipped');
      },
      get omitted() {
        return status('Omitted');
      },
      get daemoned() {
        return status('Daemoned');
      },
      get anySucceeded() {
        return status('AnySucceeded');
      },
      get allFailed() {
        return status('AllFailed');
      },
    };
    const status = (s: Status): Depends => new Depends('task', [handle], s);
    return handle;
  }

  /**
   * Runs only these tasks and what they depend on (`dag.target`); a string is a parameter
   * reference holding task names, e.g. `args.parameters.target`.
   * @example
   * ```ts
   * d.target(E);
   * ```
   */
  target(...tasks: readonly (TaskHandle<unknown> | string)[]): void {
    this.targets = tasks;
  }
}

/** Options of the DAG itself. */
export interface DagOptions {
  /** Keep scheduling other tasks after one fails (Argo default: true = stop). */
  readonly failFast?: boolean;
}

/**
 * The body of a DAG template, built when the workflow is built; `refs` is what the build
 * function returned, for outputs that come from a task.
 *
 * @example
 * ```ts
 * const body = dag((d) => ({ gen: d.task('gen', generate) }));
 * template('main', {}, () => ({ dag: body, outputs: { parameters: { n: { valueFrom: { parameter: body.refs.gen.outputs.result } } } } }));
 * ```
 */
export class DagBody<R = void> implements DeferredBody {
  readonly kind = 'dag' as const;
  private built?: { readonly builder: DagBuilder; readonly value: R };
  constructor(
    private readonly build: (d: DagBuilder) => R,
    private readonly options: DagOptions,
  ) {}

  /** What the build function returned (e.g. task handles for the template's outputs). */
  get refs(): R {
    return this.evaluate([]).value;
  }

  private evaluate(path: readonly PathSegment[]): { readonly builder: DagBuilder; readonly value: R } {
    if (!this.built) {
      const builder = new DagBuilder(path);
      this.built = { builder, value: this.build(builder) };
    }
    return this.built;
  }

  render(path: readonly PathSegment[], use: (c: Callable<unknown, unknown>) => RunRef): ArgoDagIR {
    const { builder } = this.evaluate(path);
    if (builder.pending.length === 0)
      throw new DslError({ path, problem: 'a DAG has no tasks', fix: 'Add tasks with d.task()' });
    const own = (t: TaskHandle<unknown>, at: readonly PathSegment[]): string => {
      if (t === null || typeof t !== 'object' || t.owner !== builder) {
        throw new DslError({
          path: at,
          problem: 'a task can only depend on tasks of the same DAG',
          got: (t as { name?: string } | null)?.name,
          fix: 'Use a handle returned by d.task() of this DAG',
        });
      }
      return t.name;
    };
    const tasks = builder.pending.map((p) => {
      const at = [...path, seg('task', p.name)];
      const { depends, dependencies, ...rest } = p.opts ?? {};
      if (depends !== undefined && dependencies !== undefined)
        throw new DslError({ path: at, problem: 'a task uses depends or dependencies, not both', fix: 'Keep depends' });
      const dep = depends === undefined ? undefined : toDepends(depends);
      dep?.tasks().forEach((t) => own(t, [...at, 'depends']));
      return {
        ...renderNode('tasks', p.name, p.run, rest, at, use),
        ...(dep ? { depends: dep.render() } : {}),
        ...(dependencies ? { dependencies: dependencies.map((t) => own(t, [...at, 'dependencies'])) } : {}),
      };
    });
    return {
      tasks,
      ...(builder.targets.length
        ? {
            target: builder.targets
              .map((t) =>
                typeof t === 'string' || (t as unknown) instanceof String ? String(t) : own(t, [...path, 'target']),
              )
              .join(' '),
          }
        : {}),
      ...(this.options.failFast !== undefined ? { failFast: this.options.failFast } : {}),
    };
  }
}

/**
 * The body of a DAG template: tasks with their dependencies.
 *
 * @example
 * ```ts
 * const diamond = template('diamond', {
 *   dag: dag((d) => {
 *     const A = d.task('A', echo, { arguments: { parameters: { message: 'A' } } });
 *     const B = d.task('B', echo, { depends: A, arguments: { parameters: { message: 'B' } } });
 *     const C = d.task('C', echo, { depends: A, arguments: { parameters: { message: 'C' } } });
 *     d.task('D', echo, { depends: and(B, C), arguments: { parameters: { message: 'D' } } });
 *   }),
 * });
 * ```
 */
export function dag<R = void>(build: (d: DagBuilder) => R, options: DagOptions = {}): DagBody<R> {
  return new DagBody(build, options);
}
