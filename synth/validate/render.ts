import { type DocumentReport, errorCount, warningCount } from './finding.ts';

export interface Paint {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const esc =
  (code: string) =>
  (s: string): string =>
    `\u001b[${code}m${s}\u001b[0m`;
export const COLORS: Paint = { red: esc('31'), yellow: esc('33'), green: esc('32'), dim: esc('2'), bold: esc('1') };
const id = (s: string): string => s;
export const PLAIN: Paint = { red: id, yellow: id, green: id, dim: id, bold: id };

/**
 * Findings grouped by file, then by object (`Kind name`), one line per finding:
 * `error  argo/semantics  spec.templates[0]  message`. Clean objects are not listed.
 */
export function renderValidation(reports: readonly DocumentReport[], paint: Paint, objects: number): string[] {
  const lines: string[] = [];
  const byFile = new Map<string, DocumentReport[]>();
  for (const r of reports) if (r.findings.length > 0) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, rs] of byFile) {
    lines.push(paint.bold(file));
    for (const r of rs) {
      if (r.index >= 0)
        lines.push(`  ${r.kind} ${r.name}${r.index > 0 ? paint.dim(` (document ${r.index + 1})`) : ''}`);
      for (const f of r.findings) {
        const sev = f.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
        lines.push(`    ${sev} ${paint.dim(f.rule)}${f.path ? ` ${f.path}` : ''}: ${f.message}`);
      }
    }
  }
  const errors = errorCount(reports);
  const warnings = warningCount(reports);
  const summary = `${objects} object${objects === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  lines.push(errors > 0 ? paint.red(`✗ ${summary}`) : paint.green(`✓ ${summary}`));
  return lines;
}
