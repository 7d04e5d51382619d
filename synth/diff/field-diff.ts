/** One changed field of an object. `before`/`after` are absent when the field was added/removed. */
export interface FieldChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function join(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}["${key}"]`;
}

/** Lists of named items (templates, tasks, containers, env) are matched by name, not position. */
function namedKeys(list: readonly unknown[]): string[] | undefined {
  const names = list.map((x) => (isObj(x) && typeof x.name === 'string' ? x.name : undefined));
  if (names.some((n) => n === undefined)) return undefined;
  return new Set(names).size === names.length ? (names as string[]) : undefined;
}

/**
 * The leaf-level differences between two values, with readable paths such as
 * `spec.templates[name=train].container.image`. Equal values give no change.
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = join(path, k);
      if (!(k in after)) return [{ path: p, before: before[k] }];
      if (!(k in before)) return [{ path: p, after: after[k] }];
      return diffValues(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const bn = namedKeys(before);
    const an = namedKeys(after);
    if (bn && an && (bn.length > 0 || an.length > 0)) {
      const out: FieldChange[] = [];
      const names = [...bn, ...an.filter((n) => !bn.includes(n))];
      for (const n of names) {
        const p = `${path}[name=${n}]`;
        const b = before[bn.indexOf(n)];
        const a = after[an.indexOf(n)];
        if (!an.includes(n)) out.push({ path: p, before: b });
        else if (!bn.includes(n)) out.push({ path: p, after: a });
        else out.push(...diffValues(b, a, p));
      }
      // A pure reordering of named items still changes behaviour (e.g. steps), so say so.
      const common = bn.filter((n) => an.includes(n));
      const order = an.filter((n) => bn.includes(n));
      if (out.length === 0 && common.join('\u0000') !== order.join('\u0000'))
        out.push({ path: `${path}[*]`, before: common, after: order });
      return out;
    }
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= after.length) out.push({ path: p, before: before[i] });
      else if (i >= before.length) out.push({ path: p, after: after[i] });
      else out.push(...diffValues(before[i], after[i], p));
    }
    return out;
  }
  return Object.is(before, after) || JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

/** Line-level diff of two texts (LCS), for multi-line strings such as scripts and SQL. */
export function diffLines(before: string, after: string, maxCells = 4_000_000): string[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > maxCells) return undefined;
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (
      i < a.length &&
      (j >= b.length || ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    ) {
      out.push(`- ${a[i]}`);
      i++;
    } else {
      out.push(`+ ${b[j]}`);
      j++;
    }
  }
  return out;
}

/** Every scalar of a value with its path (the same path scheme as diffValues). */
export function leaves(value: unknown, path = ''): { path: string; value: unknown }[] {
  if (isObj(value))
    return Object.keys(value)
      .sort()
      .flatMap((k) => leaves(value[k], join(path, k)));
  if (Array.isArray(value)) {
    const names = namedKeys(value);
    return value.flatMap((v, i) => leaves(v, names ? `${path}[name=${names[i]}]` : `${path}[${i}]`));
  }
  return [{ path, value }];
}
