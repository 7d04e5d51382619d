import type { BuildState, NodeState } from './build-state.ts';
import { DslError } from '../errors.ts';
import type { CondIR, ValueIR } from '../ir/index.ts';
import { pvcValues } from '../ir/nodes.ts';

/**
 * Ids a value depends on (tasks and loops whose outputs it reads); a `p.oneOf()` value depends
 * on the producer in every branch.
 */
export function valueDeps(value: ValueIR, state?: Pick<BuildState, 'conditions'>): string[] {
  switch (value.kind) {
    case 'taskOutput':
      return [value.task];
    case 'loopOutput':
      return [value.loop];
    case 'conditionOutput':
      return (
        state?.conditions.get(value.condition)?.outputs.find((o) => o.name === value.output)?.values ?? []
      ).flatMap((v) => valueDeps(v, state));
    case 'concat':
      return value.parts.flatMap((p) => valueDeps(p, state));
    default:
      return [];
  }
}

/** Ids a condition depends on: status targets and producers of compared values. */
export function condDeps(cond: CondIR | undefined, state?: Pick<BuildState, 'conditions'>): string[] {
  if (!cond) return [];
  switch (cond.kind) {
    case 'compare':
      return [...valueDeps(cond.left, state), ...valueDeps(cond.right, state)];
    case 'status':
      return [cond.task];
    case 'and':
    case 'or':
      return cond.items.flatMap((c) => condDeps(c, state));
    case 'not':
      return condDeps(cond.item, state);
  }
}

/**
 * Rejects cycles among tasks and loops. A loop waits for everything in its body, and every node
 * waits for what it reads, what it is `.after()` and what its conditions test.
 */
export function assertAcyclic(state: BuildState, body: readonly NodeState[]): void {
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    if (!edges.has(from)) edges.set(from, new Set());
    (edges.get(from) as Set<string>).add(to);
  };
  const visit = (nodes: readonly NodeState[], branchConds: readonly CondIR[], owner?: string): void => {
    for (const n of nodes) {
      if (n.kind === 'task') {
        const t = n.task;
        if (owner) add(owner, t.id);
        const reads = [
          ...Object.values(t.args),
          ...(t.mounts ?? []).map((m) => m.claim),
          ...(t.pvc ? pvcValues(t.pvc) : []),
        ];
        [
          ...reads.flatMap((v) => valueDeps(v, state)),
          ...t.after,
          ...condDeps(t.when?.ir, state),
          ...branchConds.flatMap((c) => condDeps(c, state)),
        ].forEach((d) => add(t.id, d));
      } else if (n.kind === 'loop') {
        const l = n.loop;
        if (owner) add(owner, l.id);
        [
          ...l.after,
          ...(l.items.kind !== 'static' ? valueDeps(l.items.value, state) : []),
          ...branchConds.flatMap((c) => condDeps(c, state)),
        ].forEach((d) => add(l.id, d));
        visit(l.nodes, [], l.id);
      } else {
        const conds: CondIR[] = [...branchConds];
        for (const b of n.branches) {
          visit(b.nodes, b.cond ? [...conds, b.cond.ir] : conds, owner);
          if (b.cond) conds.push(b.cond.ir);
        }
      }
    }
  };
  visit(body, []);
  const state2 = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const dfs = (id: string): void => {
    const s = state2.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      throw new DslError({
        path: state.path,
        problem: 'tasks depend on each other in a cycle',
        got: cycle.join(' -> '),
        fix: 'Remove one of the .after() calls or data references that close the loop',
      });
    }
    state2.set(id, 'visiting');
    stack.push(id);
    for (const d of [...(edges.get(id) ?? [])].sort()) dfs(d);
    stack.pop();
    state2.set(id, 'done');
  };
  for (const id of [...edges.keys()].sort()) dfs(id);
}
