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
  const shown = (n: RunNode): RunNode[] =>
    HIDDEN.has(n.type)
      ? n.children.flatMap((c) => {
          const child = byId.get(c);
          return child ? shown(child) : [];
        })
      : [n];
  const root = byId.get(run.name) ?? run.nodes.find((n) => !run.nodes.some((p) => p.children.includes(n.id)));
  const rows: { prefix: string; node: RunNode }[] = [];
  const seen = new Set<string>();
  const walk = (n: RunNode, prefix: string): void => {
    const kids = n.children
      .map((c) => byId.get(c))
      .filter((c): c is RunNode => c !== undefined)
      .flatMap(shown)
      .filter((c) => !seen.has(c.id));
    kids.forEach((k, i) => {
      seen.add(k.id);
      const last = i === kids.length - 1;
      rows.push({ prefix: `${prefix}${last ? '└─ ' : '├─ '}`, node: k });
      walk(k, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  const head =
    `${ICONS[run.phase] ?? '?'} ${run.name}  ${run.phase}  ${duration(run.startedAt, run.finishedAt, now)}`.trimEnd();
  if (root) walk(root, '  ');
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
