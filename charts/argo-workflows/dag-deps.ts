import { DslError, seg } from '../../dsl/errors.ts';
import type { ArgoDagTaskIR, CondIR, LoopIR, NodeIR, PipelineIR, ValueIR } from '../../dsl/ir/index.ts';
import { pvcValues } from '../../dsl/ir/nodes.ts';
import { classifyCond, conjuncts } from '../../dsl/ir/conditions.ts';
import { renderDepends, renderWhen, unwrap, type TemplateScope } from './expressions.ts';

/** What a node reads and waits for: the ids behind its `depends` and `when`. */
export class DagDeps {
  /** The loop directly enclosing each task, loop and step (undefined at the top level). */
  readonly parentLoop = new Map<string, string | undefined>();
  /** The per-branch values of each `p.oneOf()`, by `<condition>/<output>`. */
  readonly oneOfs = new Map<string, readonly ValueIR[]>();

  constructor(private readonly pipeline: PipelineIR) {
    const index = (nodes: readonly NodeIR[], loop: string | undefined): void => {
      for (const n of nodes) {
        if (n.kind === 'condition') {
          n.branches.forEach((b) => index(b.body, loop));
          for (const o of n.outputs ?? []) this.oneOfs.set(`${n.id}/${o.name}`, o.values);
        } else {
          this.parentLoop.set(n.id, loop);
          if (n.kind === 'loop') index(n.body, n.id);
        }
      }
    };
    index(pipeline.body, undefined);
  }

  /** Maps an id to the task of this template that contains it (itself or an enclosing loop). */
  private localize(id: string, scope: TemplateScope): string | undefined {
    let current: string | undefined = id;
    while (current !== undefined && !scope.local.has(current)) current = this.parentLoop.get(current);
    return current;
  }

  /**
   * `depends` and `when` of one DAG task: status conditions and the data and ordering
   * dependencies go to `depends`, value conditions to `when`.
   */
  conditions(
    self: string,
    conds: readonly CondIR[],
    depIds: readonly string[],
    scope: TemplateScope,
  ): Pick<ArgoDagTaskIR, 'depends' | 'when'> {
    const parts = conds.flatMap(conjuncts);
    const status = parts.filter((c) => classifyCond(c) === 'status');
    const values = parts.filter((c) => classifyCond(c) === 'value');
    if (parts.some((c) => classifyCond(c) === 'mixed')) {
      throw new DslError({
        path: [seg('pipeline', this.pipeline.name), seg('task', self)],
        problem: 'a condition mixes task status and parameter values inside or()/not(), which Argo cannot express',
        got: 'mixed condition',
        fix: 'Combine status and value tests only with and()',
      });
    }
    const oneOf = values.flatMap(compared).find((v) => v.kind === 'conditionOutput');
    if (oneOf) {
      throw new DslError({
        path: [seg('pipeline', this.pipeline.name), seg('task', self), 'when'],
        problem:
          'Argo cannot test a p.oneOf() value in a condition (its `when` does not evaluate expressions over branch outputs)',
        got: oneOf.kind === 'conditionOutput' ? `${oneOf.condition}.${oneOf.output}` : oneOf.kind,
        fix: "Pass the value to a task and test that task's output, or compile this pipeline for KFP",
      });
    }
    const statusIds = new Set(status.flatMap(statusTargets));
    const plain: string[] = [];
    for (const id of [...depIds, ...values.flatMap((c) => this.condValueIds(c))]) {
      const local = this.localize(id, scope);
      if (local !== undefined && local !== self && !statusIds.has(local) && !plain.includes(local)) plain.push(local);
    }
    const depends = [...plain, ...status.map((c) => unwrap(renderDepends(c)))].join(' && ');
    const when = values
      .map((c) => (values.length > 1 ? renderWhen(c, scope) : unwrap(renderWhen(c, scope))))
      .join(' && ');
    return { ...(depends ? { depends } : {}), ...(when ? { when } : {}) };
  }

  /** Tasks and loops a value reads; a `p.oneOf()` reads the producer in every branch. */
  valueIds(v: ValueIR): string[] {
    if (v.kind === 'taskOutput') return [v.task];
    if (v.kind === 'loopOutput') return [v.loop];
    if (v.kind === 'conditionOutput')
      return (this.oneOfs.get(`${v.condition}/${v.output}`) ?? []).flatMap((x) => this.valueIds(x));
    if (v.kind === 'concat') return v.parts.flatMap((x) => this.valueIds(x));
    return [];
  }

  private condValueIds(c: CondIR): string[] {
    return compared(c).flatMap((v) => this.valueIds(v));
  }

  /** What one node reads or waits for itself (a loop: its items and `.after()`; not its body). */
  ownIds(n: Exclude<NodeIR, { kind: 'condition' }>): string[] {
    if (n.kind === 'loop') return [...n.after, ...(n.items.kind === 'param' ? this.valueIds(n.items.value) : [])];
    const reads =
      n.kind === 'createPvc' || n.kind === 'deletePvc'
        ? pvcValues(n)
        : [
            ...Object.values(n.args),
            ...(n.kind === 'task' && n.pipeline === undefined ? (n.mounts ?? []).map((m) => m.claim) : []),
          ];
    return [...reads.flatMap((v) => this.valueIds(v)), ...n.after];
  }

  /** Every id a loop body reads or waits for, at any depth (the caller keeps the outside ones). */
  nestedIds(loop: LoopIR): string[] {
    const cond = (c: CondIR | undefined): string[] => (c ? [...this.condValueIds(c), ...statusTargets(c)] : []);
    const visit = (nodes: readonly NodeIR[]): string[] =>
      nodes.flatMap((n): string[] => {
        if (n.kind === 'loop') return [...visit(n.body), ...this.ownIds(n)];
        if (n.kind === 'condition') return n.branches.flatMap((b) => [...cond(b.cond), ...visit(b.body)]);
        return [...this.ownIds(n), ...cond(n.when)];
      });
    return visit(loop.body);
  }
}

/** The values a condition compares. */
function compared(c: CondIR): ValueIR[] {
  switch (c.kind) {
    case 'compare':
      return [c.left, c.right];
    case 'status':
      return [];
    case 'not':
      return compared(c.item);
    default:
      return c.items.flatMap(compared);
  }
}

function statusTargets(c: CondIR): string[] {
  switch (c.kind) {
    case 'status':
      return [c.task];
    case 'compare':
      return [];
    case 'not':
      return statusTargets(c.item);
    default:
      return c.items.flatMap(statusTargets);
  }
}
