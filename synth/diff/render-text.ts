import type { Paint } from '../validate/render.ts';
import { diffLines } from './field-diff.ts';
import { formatValue, isTextChange, objectTitle } from './format-value.ts';
import type { TreeDiffResult } from './tree-diff.ts';

/** The diff for a terminal: `+`/`-`/`~` per object, changed fields indented, risks last. */
export function renderText(d: TreeDiffResult, paint: Paint): string[] {
  const out: string[] = [];
  for (const o of d.added) out.push(paint.green(`+ ${objectTitle(o)}`));
  for (const o of d.removed) out.push(paint.red(`- ${objectTitle(o)}`));
  for (const c of d.changed) {
    out.push(paint.yellow(`~ ${objectTitle(c.after)}`));
    for (const f of c.changes) {
      out.push(`    ${f.path}: ${paint.red(formatValue(f.before))} → ${paint.green(formatValue(f.after))}`);
      if (isTextChange(f.before, f.after)) {
        for (const l of (diffLines(f.before, f.after as string) ?? [])
          .filter((x) => !x.startsWith('  '))
          .slice(0, 20)) {
          out.push(`      ${l.startsWith('+') ? paint.green(l) : paint.red(l)}`);
        }
      }
    }
  }
  if (d.risks.length > 0) {
    out.push('', paint.bold('Review carefully:'));
    for (const r of d.risks) {
      const change = r.lifecycle
        ? `${r.lifecycle} ${formatValue(r.lifecycle === 'added' ? r.after : r.before)}`
        : `${formatValue(r.before)} → ${formatValue(r.after)}`;
      out.push(`  ${paint.yellow(r.category.padEnd(14))} ${objectTitle(r.object)} ${paint.dim(r.path)}: ${change}`);
    }
  }
  out.push(`${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
  return out;
}
