/**
 * Bounds on what one YAML document may expand to. js-yaml resolves an alias to the anchored
 * object itself, so a "billion laughs" file of a few hundred bytes parses quickly into a small
 * graph; it is every later walk (validation, diff, JSON) that expands it, for minutes and
 * gigabytes. Measuring the expanded size once, memoized per shared node, costs time in the
 * number of distinct nodes and rejects such a document before anything walks it.
 */

/**
 * The most a document may expand to, counted as 8 bytes per node plus the length of every
 * string (keys included), as if each alias were written out. The Kubernetes API server refuses
 * requests over 3 MiB, so a document above 16 MiB cannot be a real object.
 */
export const MAX_EXPANDED_BYTES = 16 * 1024 * 1024;

/** The largest YAML file Argosy reads (larger ones are reported without being read). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A document that is over a limit or refers to itself: reported, never walked. */
export class YamlLimitError extends Error {}

/**
 * Throws a {@link YamlLimitError} when `doc` expands to more than `limit` bytes (see
 * {@link MAX_EXPANDED_BYTES}) or an alias refers to a node that contains it (a cycle, which
 * the YAML-to-JSON conversion of Kubernetes cannot represent either).
 *
 * @example
 * ```ts
 * checkExpansion({ a: [1, 2] }); // ok
 * ```
 */
export function checkExpansion(doc: unknown, limit = MAX_EXPANDED_BYTES): void {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const size = (node: unknown): number => {
    if (typeof node === 'string') return 8 + node.length;
    if (node === null || typeof node !== 'object') return 8;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node))
      throw new YamlLimitError(
        'an alias refers to a node that contains it (got a cycle). Kubernetes cannot represent it: write the value out instead of the alias',
      );
    open.add(node);
    let total = 8;
    const entries = Array.isArray(node) ? node.map((v) => ['', v] as const) : Object.entries(node);
    for (const [k, v] of entries) {
      total += k.length + size(v);
      if (total > limit) break;
    }
    open.delete(node);
    sizes.set(node, total);
    if (total > limit)
      throw new YamlLimitError(
        `a document expands to more than ${mib(limit)} MiB once its aliases are resolved (got an alias bomb, or an object far over the 3 MiB Kubernetes accepts). Write repeated values out, or use fewer nested aliases`,
      );
    return total;
  };
  size(doc);
}

const mib = (n: number): string => String(Math.round(n / (1024 * 1024)));
