import { diffLines } from './field-diff.ts';
import { formatValue, isTextChange } from './format-value.ts';
import type { TreeObject } from './object-set.ts';
import type { ChangedObject, TreeDiffResult } from './tree-diff.ts';

const MAX_TEXT_DIFF_LINES = 40;

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const where = (o: TreeObject): string => `${o.location ? `${code(o.location)} ` : ''}${o.kind} **${o.name}**`;
// Markdown is not rendered inside <summary>, so the heading uses HTML.
const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const summary = (o: TreeObject): string =>
  `${o.location ? `<code>${html(o.location)}</code> ` : ''}${html(o.kind)} <b>${html(o.name)}</b>`;

function textDiff(before: string, after: string): string[] {
  const lines = diffLines(before, after);
  if (!lines) return [];
  const changed = lines.filter((l) => !l.startsWith('  '));
  const shown = changed.slice(0, MAX_TEXT_DIFF_LINES);
  return [
    '```diff',
    ...shown,
    ...(changed.length > shown.length ? [`# … ${changed.length - shown.length} more changed lines`] : []),
    '```',
  ];
}

/** Hidden first line of every comment, so CI finds and updates its own comment and no other. */
export const COMMENT_MARKER = '<!-- argosy-diff -->';

/** GitHub rejects comments over 65,536 characters; stay under it with room for the footer. */
export const DEFAULT_MAX_CHARS = 60_000;

export interface MarkdownOptions {
  /** Cap on the comment's length in characters; 0 or Infinity for no cap. */
  readonly maxChars?: number;
}

function riskSection(d: TreeDiffResult): string[] {
  if (d.risks.length === 0) return [];
  const out = [
    '',
    '#### ⚠️ Review carefully',
    '',
    '| Risk | Object | Field | Before | After |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of d.risks) {
    const before = r.lifecycle === 'added' ? '*(new object)*' : cell(code(formatValue(r.before)));
    const after = r.lifecycle === 'removed' ? '*(object removed)*' : cell(code(formatValue(r.after)));
    out.push(`| ${r.category} | ${cell(where(r.object))} | ${cell(code(r.path))} | ${before} | ${after} |`);
  }
  return out;
}

function changedSection(c: ChangedObject): string[] {
  const out = [
    '',
    `<details><summary>${summary(c.after)}: ${c.changes.length} field${c.changes.length === 1 ? '' : 's'}</summary>`,
    '',
    '| Field | Before | After |',
    '| --- | --- | --- |',
  ];
  const texts: string[] = [];
  for (const f of c.changes) {
    out.push(`| ${cell(code(f.path))} | ${cell(code(formatValue(f.before)))} | ${cell(code(formatValue(f.after)))} |`);
    if (isTextChange(f.before, f.after)) texts.push('', code(f.path), '', ...textDiff(f.before, f.after as string));
  }
  return [...out, ...texts, '', '</details>'];
}

/** One block per object, under its heading: what the cap keeps or drops whole. */
interface Block {
  readonly heading: string;
  readonly lines: readonly string[];
}

/**
 * The diff as a pull-request comment: a hidden marker, the summary, the risk table, then one
 * collapsible section per changed object and the added/removed lists. Over `maxChars` the
 * summary and risks are kept and the object sections that do not fit are dropped, with a note
 * saying how many (the full diff belongs in a CI artifact).
 */
export function renderMarkdown(d: TreeDiffResult, title = 'Argosy diff', opts: MarkdownOptions = {}): string {
  const max = opts.maxChars === undefined ? DEFAULT_MAX_CHARS : opts.maxChars > 0 ? opts.maxChars : Infinity;
  const head = [
    COMMENT_MARKER,
    `### ${title}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`,
  ];
  if (d.added.length + d.removed.length + d.changed.length === 0)
    return `${[...head, '', 'No changes to the synthesized manifests.'].join('\n')}\n`;
  const blocks: Block[] = [
    ...d.changed.map((c) => ({ heading: '#### Changed', lines: changedSection(c) })),
    ...d.added.map((o, i) => ({
      heading: '#### Added',
      lines: [...(i === 0 ? [''] : []), `- ${where(o)} (${code(o.file)})`],
    })),
    ...d.removed.map((o, i) => ({
      heading: '#### Removed',
      lines: [...(i === 0 ? [''] : []), `- ${where(o)} (${code(o.file)})`],
    })),
  ];
  const size = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);
  const note = (n: number): string[] => [
    '',
    `*… ${n} more object${n === 1 ? '' : 's'} not shown; full diff in the job artifact.*`,
  ];
  let risks = riskSection(d);
  // The risks come first whatever happens; only a risk table larger than the cap itself is cut.
  const noteRoom = size(note(blocks.length));
  if (size(head) + size(risks) + noteRoom > max) {
    const keep: string[] = risks.slice(0, 5);
    let i = 5;
    for (; i < risks.length && size(head) + size(keep) + size([risks[i] as string]) + 2 * noteRoom < max; i++)
      keep.push(risks[i] as string);
    risks = [...keep, '', `*… ${risks.length - i} more risky changes not shown.*`];
  }
  const out = [...head, ...risks];
  let used = size(out);
  let heading = '';
  let shown = 0;
  for (const b of blocks) {
    const lines = b.heading === heading ? b.lines : ['', b.heading, ...b.lines];
    const remaining = blocks.length - shown - 1;
    if (used + size(lines) + (remaining > 0 ? noteRoom : 0) > max) break;
    out.push(...lines);
    used += size(lines);
    heading = b.heading;
    shown += 1;
  }
  if (shown < blocks.length) out.push(...note(blocks.length - shown));
  return `${out.join('\n')}\n`;
}
