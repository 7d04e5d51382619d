/** A short, single-line rendering of a field value for diff tables. */
export function formatValue(v: unknown, max = 100): string {
  if (v === undefined) return '—';
  let s: string;
  if (typeof v === 'string') s = v.includes('\n') ? `(${v.split('\n').length} lines of text)` : JSON.stringify(v);
  else s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** True when both sides are multi-line strings, worth a line diff rather than two values. */
export function isTextChange(before: unknown, after: unknown): before is string {
  return typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'));
}

export function objectTitle(o: { location: string; kind: string; name: string }): string {
  return `${o.location ? `${o.location}: ` : ''}${o.kind} ${o.name}`;
}
