/** Edit distance between two words, ignoring case (a misspelt name's distance to each known one). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = Math.min(
        up + 1,
        (row[j - 1] as number) + 1,
        diag + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
      diag = up;
    }
  }
  return row[b.length] as number;
}

/**
 * The known name a misspelt one most likely meant: the closest by edit distance, when it is close
 * enough to be a slip (a quarter of the name, at least two edits) rather than another name.
 *
 * @example
 * ```ts
 * closest('tabel', ['table', 'rowCount']); // 'table'
 * closest('model', ['table', 'rowCount']); // undefined
 * ```
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(name, k);
    if (!best || d < best.d) best = { name: k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? best.name : undefined;
}

/**
 * The fix for a name that is not among `known`: `Did you mean "x"?` when one is close, else the
 * list to choose from.
 *
 * @example
 * ```ts
 * didYouMean('tabel', ['table', 'rowCount'], 'outputs'); // 'Did you mean "table"?'
 * ```
 */
export function didYouMean(name: string, known: readonly string[], what: string): string {
  const hint = closest(name, known);
  if (hint !== undefined) return `Did you mean "${hint}"?`;
  return known.length > 0 ? `Use one of: ${known.join(', ')}` : `It has no ${what}`;
}
