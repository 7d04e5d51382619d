import type { NodeIR } from './pipeline.ts';
import type { CondIR } from './values.ts';

/**
 * What a condition tests: only task status (a backend's dependency syntax, Argo `depends`),
 * only values (Argo `when`, KFP trigger CEL) or both inside one `or()`/`not()`, which neither
 * backend can split into those two parts.
 */
export type CondClass = 'status' | 'value' | 'mixed';

/**
 * Classifies a condition; `and()` of status and value tests is `mixed` as a whole, so callers
 * that split on `and` classify its {@link conjuncts} one by one.
 *
 * @example
 * ```ts
 * classifyCond({ kind: 'status', task: 'train', status: 'Succeeded' }); // 'status'
 * ```
 */
export function classifyCond(cond: CondIR): CondClass {
  switch (cond.kind) {
    case 'status':
      return 'status';
    case 'compare':
      return 'value';
    case 'not':
      return classifyCond(cond.item);
    case 'and':
    case 'or': {
      const kinds = new Set(cond.items.map(classifyCond));
      return kinds.size === 1 ? ([...kinds][0] as CondClass) : 'mixed';
    }
  }
}

/**
 * The top-level conjuncts of a condition (nested `and()`s flattened), so its status and value
 * parts can be rendered apart; none for no condition.
 *
 * @example
 * ```ts
 * conjuncts(and(succeeded(train), gt(train.outputs.auc, 0.8)).ir); // [status test, comparison]
 * ```
 */
export function conjuncts(cond: CondIR | undefined): CondIR[] {
  if (!cond) return [];
  return cond.kind === 'and' ? cond.items.flatMap(conjuncts) : [cond];
}

/** A task or loop of one DAG, with the conditions of the branches it sits in. */
export interface BranchEntry {
  readonly node: Exclude<NodeIR, { kind: 'condition' }>;
  readonly conds: readonly CondIR[];
}

/**
 * The tasks and loops of one DAG, each with the conditions of the branches around it, flattened
 * the way Argo needs them: a later branch also carries `not` of every earlier branch's condition,
 * so the Argo backend and the local runner decide the same tasks.
 *
 * @example
 * ```ts
 * flattenBranches(pipeline.nodes).map((e) => [e.node.id, e.conds.length]);
 * ```
 */
export function flattenBranches(nodes: readonly NodeIR[], conds: readonly CondIR[] = []): BranchEntry[] {
  return nodes.flatMap((n): BranchEntry[] => {
    if (n.kind !== 'condition') return [{ node: n, conds }];
    const previous: CondIR[] = [];
    return n.branches.flatMap((b) => {
      const own: CondIR[] = [
        ...conds,
        ...previous.map((c): CondIR => ({ kind: 'not', item: c })),
        ...(b.cond ? [b.cond] : []),
      ];
      if (b.cond) previous.push(b.cond);
      return flattenBranches(b.body, own);
    });
  });
}
