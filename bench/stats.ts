/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Summary {
  /** The first repeat: cold JIT, cold file cache. */
  readonly cold: number;
  /** Over the warm repeats (all but the first). */
  readonly median: number;
  readonly min: number;
}

/** Cold (first) value apart, median and min of the rest (of all, when there is only one). */
export function summarize(xs: readonly number[]): Summary {
  const warm = xs.length > 1 ? xs.slice(1) : xs;
  return { cold: xs[0] as number, median: median(warm), min: Math.min(...warm) };
}

/** A plain-text table, columns right-aligned except the first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export const ms = (x: number | undefined): string => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
export const ratio = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(2));
