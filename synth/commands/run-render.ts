import type { NodePhase, RunNode, RunStatus } from '../client/run-status.ts';

const ICONS: Record<string, string> = {
  Pending: '○',
  Running: '●',
  Succeeded: '✓',
  Failed: '✗',
  Error: '✗',
  Skipped: '-',
  Omitted: '-',
};

/** `1h02m`, `3m05s`, `12s`: how long a node ran, or has been running at `now`. */
export function duration(startedAt: string | undefined, finishedAt: string | undefined, now: Date): string {
  if (!startedAt) return '';
  const ms = Math.max(0, (finishedAt ? Date.parse(finishedAt) : now.getTime()) - Date.parse(startedAt));
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}h${pad(m)}m` : m > 0 ? `${m}m${pad(s % 60)}s` : `${s}s`;
}

/** Node types that are bookkeeping of the controller, not tasks a user wrote (their children are shown). */
const HIDDEN = new Set(['Retry', 'TaskGroup', 'StepGroup']);

/**
 * The run as a tree of tasks with phase and duration, as `argo watch` shows it: the DAG root,
 * then each task under the group that started it (loops and sub-pipelines nest).
 *
 * @example
 * ```ts
 * renderRunTree(status, new Date());
 * // ● churn-x7k2p  Running  2m05s
 * //   ├─ ✓ ingest  Succeeded  1m02s
 * //   └─ ● train   Running    1m03s
 * ```
 */
export function renderRunTree(run: RunStatus, now: Date): string[] {
  const byId = new Map(run.nodes.map((n) => [n.id, n]));
  const root = byId.get(run.name) ?? run.nodes.find((n) => !run.nodes.some((p) => p.children.includes(n.id)));
  const parentOf = new Map<string, string>();
  for (const n of run.nodes)
    if (n.boundaryID && byId.has(n.boundaryID) && n.id !== root?.id) parentOf.set(n.id, n.boundaryID);
  // Without boundary IDs: the shallowest node that lists it as a child (a DAG task's children
  // are its dependents, which belong to the same DAG, not under the task).
  if (root) {
    const seen = new Set([root.id]);
    const queue = [root];
    for (let p = queue.shift(); p; p = queue.shift())
      for (const c of p.children) {
        const child = byId.get(c);
        if (!child || seen.has(c)) continue;
        seen.add(c);
        if (!parentOf.has(c)) parentOf.set(c, p.id);
        queue.push(child);
      }
  }
  // Retries and groups are bookkeeping: their nodes show under the group's parent.
  const shownParent = (id: string): string | undefined => {
    let p = parentOf.get(id);
    while (p && HIDDEN.has(byId.get(p)?.type ?? '')) p = parentOf.get(p);
    return p;
  };
  const kidsOf = new Map<string, RunNode[]>();
  for (const n of run.nodes) {
    if (HIDDEN.has(n.type) || n.id === root?.id) continue;
    const p = shownParent(n.id);
    if (p) kidsOf.set(p, [...(kidsOf.get(p) ?? []), n]);
  }
  const rows: { prefix: string; node: RunNode }[] = [];
  const walk = (id: string, prefix: string): void => {
    const kids = kidsOf.get(id) ?? [];
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      rows.push({ prefix: `${prefix}${last ? '└─ ' : '├─ '}`, node: k });
      walk(k.id, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  if (root) walk(root.id, '  ');
  const head =
    `${ICONS[run.phase] ?? '?'} ${run.name}  ${run.phase}  ${duration(run.startedAt, run.finishedAt, now)}`.trimEnd();
  const width = Math.max(0, ...rows.map((r) => r.prefix.length + r.node.displayName.length));
  const phaseWidth = Math.max(0, ...rows.map((r) => r.node.phase.length));
  return [
    head,
    ...rows.map(({ prefix, node }) =>
      `${prefix}${ICONS[node.phase] ?? '?'} ${node.displayName.padEnd(width - prefix.length)}  ${node.phase.padEnd(phaseWidth)}  ${duration(node.startedAt, node.finishedAt, now)}${node.message && (node.phase === 'Failed' || node.phase === 'Error') ? `  ${node.message}` : ''}`.trimEnd(),
    ),
    ...(run.message && run.phase !== 'Succeeded' ? [`  ${run.message}`] : []),
  ];
}

/**
 * Plain lines for a log or CI: one per task whose phase changed since `before` (the run itself
 * included), e.g. `train: Running` then `train: Succeeded (1m03s)`.
 */
export function phaseChanges(before: RunStatus | undefined, after: RunStatus, now: Date): string[] {
  const old = new Map<string, NodePhase>((before?.nodes ?? []).map((n) => [n.id, n.phase]));
  const lines: string[] = [];
  const tasks = after.nodes.filter((n) => n.type === 'Pod' || n.type === 'Skipped' || n.type === 'Suspend');
  for (const n of tasks) {
    if (old.get(n.id) === n.phase) continue;
    const d = n.finishedAt ? ` (${duration(n.startedAt, n.finishedAt, now)})` : '';
    lines.push(`${n.displayName}: ${n.phase}${d}${n.message && n.phase !== 'Succeeded' ? ` - ${n.message}` : ''}`);
  }
  if (before?.phase !== after.phase) {
    const d = after.finishedAt ? ` (${duration(after.startedAt, after.finishedAt, now)})` : '';
    lines.push(
      `run ${after.name}: ${after.phase}${d}${after.message && after.phase !== 'Succeeded' ? ` - ${after.message}` : ''}`,
    );
  }
  return lines;
}
