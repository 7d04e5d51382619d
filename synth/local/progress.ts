import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LocalEvent, LocalOutput, LocalRunRecord, LocalTaskRecord } from './types.ts';

const MARK: Record<string, string> = {
  Running: '▶',
  Succeeded: '✓',
  Failed: '✗',
  Errored: '✗',
  Skipped: '↷',
  Omitted: '○',
};

function seconds(t: LocalTaskRecord): string {
  if (!t.startedAt || !t.finishedAt) return '';
  return ` ${((Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 1000).toFixed(1)}s`;
}

/** One line about a step that ended. */
export function endLine(t: LocalTaskRecord): string {
  const mark = MARK[t.status] ?? '?';
  const extra = t.cached
    ? ' (cached)'
    : t.status === 'Succeeded'
      ? `${seconds(t)}${t.attempts > 1 ? `, ${t.attempts} attempts` : ''}`
      : `: ${t.message ?? t.status.toLowerCase()}`;
  return `${mark} ${t.path}${t.status === 'Skipped' || t.status === 'Omitted' ? ` ${t.status.toLowerCase()}` : ''}${extra}`;
}

/**
 * Progress as plain lines, one per event: for logs, CI and pipes.
 *
 * @example
 * ```ts
 * runLocal(p, args, { onEvent: plainProgress((l) => console.log(l)) });
 * ```
 */
export function plainProgress(out: (line: string) => void): (e: LocalEvent) => void {
  return (e) => {
    if (e.kind === 'start') out(`▶ ${e.task.path}`);
    else if (e.kind === 'retry')
      out(`⟲ ${e.task.path}: attempt ${e.task.attempts} ${e.reason}; retrying in ${(e.waitMs / 1000).toFixed(1)}s`);
    else out(endLine(e.task));
  };
}

/**
 * Progress as a live tree on a terminal: every step seen so far, indented by the loops and called
 * pipelines around it, redrawn in place on each event.
 */
export function treeProgress(write: (text: string) => void): (e: LocalEvent) => void {
  const order: string[] = [];
  const lines = new Map<string, string>();
  let drawn = 0;
  return (e) => {
    const t = e.task;
    if (!lines.has(t.path)) order.push(t.path);
    const depth = t.path.split('/').length - 1;
    const name = t.path.split('/').pop() ?? t.path;
    const text =
      e.kind === 'start'
        ? `▶ ${name} running`
        : e.kind === 'retry'
          ? `⟲ ${name} attempt ${t.attempts} failed (${e.reason}); retrying`
          : endLine({ ...t, path: name });
    lines.set(t.path, `${'  '.repeat(depth)}${text}`);
    const block = order.map((p) => lines.get(p) ?? '');
    write(`${drawn ? `\x1b[${drawn}A\x1b[J` : ''}${block.join('\n')}\n`);
    drawn = block.length;
  };
}

const show = (o: LocalOutput, cwd: string): string =>
  o.kind === 'param'
    ? o.value
    : o.kind === 'artifact'
      ? relative(cwd, o.path) || '.'
      : o.paths.map((p) => relative(cwd, p)).join(', ');

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The last lines of a step's stderr, to show why it failed. */
function stderrTail(t: LocalTaskRecord, lines = 12): string[] {
  try {
    const text = readFileSync(join(t.dir, 'stderr.log'), 'utf8').trimEnd();
    return text ? text.split('\n').slice(-lines) : [];
  } catch {
    return [];
  }
}

/**
 * The summary after a run: the verdict, the pipeline's outputs, every step with its status and
 * folder, the stderr of the steps that failed and where `run.json` is.
 */
export function summary(record: LocalRunRecord, recordPath: string, cwd = process.cwd()): string[] {
  const ms = record.finishedAt ? Date.parse(record.finishedAt) - Date.parse(record.startedAt) : 0;
  const counts = new Map<string, number>();
  for (const t of record.tasks) {
    const k = t.cached ? 'cached' : t.status.toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const tally = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  const out = [
    '',
    `${record.status === 'Succeeded' ? '✓' : '✗'} ${record.pipeline} ${record.status.toLowerCase()} in ${(ms / 1000).toFixed(1)}s (${record.tasks.length} steps: ${tally})`,
  ];
  if (record.message && record.status !== 'Succeeded') out.push(`  ${record.message}`);
  const outputs = Object.entries(record.outputs);
  if (outputs.length) {
    out.push('Outputs:');
    for (const [k, v] of outputs) out.push(`  ${k} = ${show(v, cwd)}`);
  }
  out.push('Steps:');
  const width = Math.max(...record.tasks.map((t) => t.path.length), 4);
  for (const t of record.tasks) {
    const outs = Object.entries(t.outputs).map(
      ([k, v]) => `${k}=${v.kind === 'param' ? clip(v.value) : show(v, t.dir)}`,
    );
    out.push(
      `  ${MARK[t.status]} ${t.path.padEnd(width)}  ${(t.cached ? 'Cached' : t.status).padEnd(9)}  ${relative(cwd, t.dir) || '.'}${outs.length ? `  ${outs.join(' ')}` : ''}`,
    );
  }
  for (const t of record.tasks.filter((x) => x.status === 'Failed' || x.status === 'Errored')) {
    out.push(`✗ ${t.path}: ${t.message ?? t.status}${t.attempts > 1 ? ` (${t.attempts} attempts)` : ''}`);
    for (const l of stderrTail(t)) out.push(`    ${l}`);
  }
  out.push(`Run record: ${relative(cwd, recordPath)}`);
  return out;
}
