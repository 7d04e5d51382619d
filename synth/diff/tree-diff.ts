import { diffValues, type FieldChange, leaves } from './field-diff.ts';
import type { TreeObject } from './object-set.ts';
import { risksOf, type Risk } from './risk.ts';

export interface ChangedObject {
  readonly before: TreeObject;
  readonly after: TreeObject;
  readonly changes: readonly FieldChange[];
}

/** Object-level comparison of two trees, plus the changes reviewers must look at twice. */
export interface TreeDiffResult {
  readonly added: readonly TreeObject[];
  readonly removed: readonly TreeObject[];
  readonly changed: readonly ChangedObject[];
  readonly risks: readonly Risk[];
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function diffTrees(
  before: ReadonlyMap<string, TreeObject>,
  after: ReadonlyMap<string, TreeObject>,
): TreeDiffResult {
  const added = [...after.values()].filter((o) => !before.has(o.key)).sort(byKey);
  const removed = [...before.values()].filter((o) => !after.has(o.key)).sort(byKey);
  const changed: ChangedObject[] = [];
  for (const a of [...after.values()].sort(byKey)) {
    const b = before.get(a.key);
    if (!b) continue;
    const changes = diffValues(b.object, a.object);
    if (changes.length > 0) changed.push({ before: b, after: a, changes });
  }
  const risks = [
    ...changed.flatMap((c) => risksOf(c.after, c.changes)),
    ...added.flatMap((o) => lifecycleRisks(o, 'added')),
    ...removed.flatMap((o) => lifecycleRisks(o, 'removed')),
  ];
  return { added, removed, changed, risks };
}

export function isEmpty(d: TreeDiffResult): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

/**
 * Risks of a whole object appearing or disappearing: RBAC rules as one entry per field,
 * images, model locations, weights and schedules per value.
 */
function lifecycleRisks(o: TreeObject, lifecycle: 'added' | 'removed'): Risk[] {
  const side = (value: unknown): FieldChange =>
    lifecycle === 'added' ? { path: '', after: value } : { path: '', before: value };
  const top = diffValues(lifecycle === 'added' ? {} : o.object, lifecycle === 'added' ? o.object : {});
  const leafChanges = leaves(o.object).map((l) => ({ ...side(l.value), path: l.path }));
  return [
    ...risksOf(o, top, lifecycle).filter((r) => r.category === 'RBAC'),
    ...risksOf(o, leafChanges, lifecycle).filter((r) => r.category !== 'RBAC'),
  ];
}
