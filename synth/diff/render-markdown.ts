import { diffLines } from './field-diff.ts';
import { formatValue, isTextChange } from './format-value.ts';
import type { TreeObject } from './object-set.ts';
import type { TreeDiffResult } from './tree-diff.ts';

const MAX_TEXT_DIFF_LINES = 40;

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const where = (o: TreeObject): string => `${o.location ? `${code(o.location)} ` : ''}${o.kind} **${o.name}**`;
// Markdown is not rendered inside <summary>, so the heading uses HTML.
const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const summary = (o: TreeObject): string => `${o.location ? `<code>${html(o.location)}</code> ` : ''}${html(o.kind)} <b>${html(o.name)}</b>`;

function textDiff(before: string, after: string): string[] {
  const lines = diffLines(before, after);
  if (!lines) return [];
  const changed = lines.filter((l) => !l.startsWith('  '));
  const shown = changed.slice(0, MAX_TEXT_DIFF_LINES);
  return ['```diff', ...shown, ...(changed.length > shown.length ? [`# … ${changed.length - shown.length} more changed lines`] : []), '```'];
}

/** The diff as a pull-request comment: summary, risk table, then one collapsible section per object. */
export function renderMarkdown(d: TreeDiffResult, title = 'Argosy diff'): string {
  const out: string[] = [];
  out.push(`### ${title}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
  if (d.added.length + d.removed.length + d.changed.length === 0) {
    out.push('', 'No changes to the synthesized manifests.');
    return `${out.join('\n')}\n`;
  }
  if (d.risks.length > 0) {
    out.push('', '#### ⚠️ Review carefully', '', '| Risk | Object | Field | Before | After |', '| --- | --- | --- | --- | --- |');
    for (const r of d.risks) {
      const before = r.lifecycle === 'added' ? '*(new object)*' : cell(code(formatValue(r.before)));
      const after = r.lifecycle === 'removed' ? '*(object removed)*' : cell(code(formatValue(r.after)));
      out.push(`| ${r.category} | ${cell(where(r.object))} | ${cell(code(r.path))} | ${before} | ${after} |`);
    }
  }
  if (d.changed.length > 0) {
    out.push('', '#### Changed');
    for (const c of d.changed) {
      out.push('', `<details><summary>${summary(c.after)}: ${c.changes.length} field${c.changes.length === 1 ? '' : 's'}</summary>`, '', '| Field | Before | After |', '| --- | --- | --- |');
      const texts: string[] = [];
      for (const f of c.changes) {
        out.push(`| ${cell(code(f.path))} | ${cell(code(formatValue(f.before)))} | ${cell(code(formatValue(f.after)))} |`);
        if (isTextChange(f.before, f.after)) texts.push('', code(f.path), '', ...textDiff(f.before, f.after as string));
      }
      out.push(...texts, '', '</details>');
    }
  }
  for (const [heading, list] of [['Added', d.added], ['Removed', d.removed]] as const) {
    if (list.length === 0) continue;
    out.push('', `#### ${heading}`, '', ...list.map((o) => `- ${where(o)} (${code(o.file)})`));
  }
  return `${out.join('\n')}\n`;
}
