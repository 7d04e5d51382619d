import { ArgoError } from './argo-error.ts';
import { show } from '../object-path.ts';
import type { DagTask } from './types.ts';

const TASK_NAME = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;
const TASK_RESULT = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)/g;
const RESULTS = new Set([
  'Succeeded',
  'Failed',
  'Errored',
  'Skipped',
  'Omitted',
  'Daemoned',
  'AnySucceeded',
  'AllFailed',
]);

/** How a task depends on another: on its result, or on its items (`.AnySucceeded`/`.AllFailed`). */
export type DependencyType = 'task' | 'items';

/** The DAG of one template: tasks by name and the dependencies read from `depends`/`dependencies`. */
export class DagGraph {
  readonly tasks = new Map<string, DagTask>();
  private readonly deps = new Map<string, Map<string, DependencyType>>();

  constructor(tasks: readonly DagTask[]) {
    for (const t of tasks) this.tasks.set(show(t.name ?? ''), t);
  }

  /** Dependencies of a task, from its `depends` expression or its `dependencies` list. */
  dependencies(name: string): Map<string, DependencyType> {
    const known = this.deps.get(name);
    if (known) return known;
    const task = this.tasks.get(name);
    const logic =
      typeof task?.depends === 'string' && task.depends !== ''
        ? task.depends
        : (Array.isArray(task?.dependencies) ? task.dependencies : [])
            .map((d) => `(${show(d)}.Succeeded || ${show(d)}.Skipped || ${show(d)}.Daemoned)`)
            .join(' && ');
    const out = new Map<string, DependencyType>();
    for (const m of logic.matchAll(TASK_NAME)) {
      if (m[1] !== undefined) {
        const [dep, result] = m[1].split('.') as [string, string];
        if (result === 'AnySucceeded' || result === 'AllFailed') out.set(dep, 'items');
        else if (!out.has(dep)) out.set(dep, 'task');
      } else if (m[2] !== undefined) {
        out.set(m[2], 'task');
      }
    }
    this.deps.set(name, out);
    return out;
  }

  /** Every task this one (transitively) depends on. */
  ancestry(name: string): string[] {
    const seen = new Set<string>();
    const walk = (n: string): void => {
      for (const d of this.dependencies(n).keys()) {
        if (seen.has(d) || d === name) continue;
        seen.add(d);
        walk(d);
      }
    };
    walk(name);
    return [...seen];
  }

  /**
   * Orders tasks so each comes after its dependencies (Kahn's algorithm), failing like Argo's
   * sort on duplicate names, unknown dependencies and cycles.
   */
  sorted(tasks: readonly DagTask[]): DagTask[] {
    const names = tasks.map((t) => show(t.name ?? ''));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new ArgoError(`duplicated nodeName ${dup}`);
    const pending = new Map<string, number>();
    const next = new Map<string, string[]>();
    for (const n of names) {
      const deps = [...this.dependencies(n).keys()];
      pending.set(n, deps.length);
      for (const d of deps) {
        if (!this.tasks.has(d)) throw new ArgoError(`invalid dependency ${d}`);
        next.set(d, [...(next.get(d) ?? []), n]);
      }
    }
    const queue = names.filter((n) => pending.get(n) === 0);
    for (let i = 0; i < queue.length; i++) {
      for (const n of next.get(queue[i] as string) ?? []) {
        const left = (pending.get(n) as number) - 1;
        pending.set(n, left);
        if (left === 0) queue.push(n);
      }
    }
    if (queue.length < names.length) throw new ArgoError('graph with cycle');
    return queue.map((n) => this.tasks.get(n) as DagTask);
  }

  /** Throws on a dependency cycle, naming it like Argo does. */
  assertNoCycles(templateName: string): void {
    const done = new Set<string>();
    const visit = (name: string, path: string[]): void => {
      if (done.has(name)) return;
      for (const dep of this.dependencies(name).keys()) {
        if (path.includes(dep))
          throw new ArgoError(`templates.${templateName}.tasks dependency cycle detected: ${path.join('->')}->${dep}`);
        visit(dep, [...path, dep]);
      }
      done.add(name);
    };
    for (const name of this.tasks.keys()) visit(name, []);
  }
}

/** Rejects `depends` results Argo does not know, e.g. `A.Succeded`. */
export function checkTaskResults(task: DagTask): void {
  if (typeof task.depends !== 'string' || task.depends === '') return;
  for (const m of task.depends.matchAll(TASK_RESULT)) {
    const [name, result] = (m[1] as string).split('.') as [string, string];
    if (!RESULTS.has(result)) throw new ArgoError(`task result '${result}' for task '${name}' is invalid`);
  }
}
