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
