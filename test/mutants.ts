import fc from 'fast-check';

type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the root is `[]`). */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** A copy of `value` with the value at `path` replaced by `f(old)` (`undefined`: removed). */
function edit(value: unknown, path: Path, f: (old: unknown) => unknown): unknown {
  if (path.length === 0) return f(value);
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = edit(copy[head as number], rest, f);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = edit(copy[head as string], rest, f);
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

const wrongType = (old: unknown): unknown =>
  typeof old === 'string'
    ? 42
    : typeof old === 'number'
      ? String(old)
      : typeof old === 'boolean'
        ? 'true'
        : Array.isArray(old)
          ? { item: old[0] ?? null }
          : old === null
            ? []
            : 'not an object';

/**
 * Deliberately broken copies of a valid object, one edit each at a random place: an unknown
 * field, a removed field, a value of the wrong type, null, an out-of-range or malformed scalar,
 * or arbitrary JSON. Schema validators must report the same findings for every one of them.
 */
export function mutantsOf(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  return fc
    .tuple(
      fc.constantFrom(...paths),
      fc.constantFrom<(old: unknown) => unknown>(
        (old) =>
          old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old, zzUnknownField: 'x' } : old,
        () => undefined,
        wrongType,
        () => null,
        () => 2 ** 40 + 0.5,
        () => -1,
        () => '',
        () => 'not-a-date',
        (old) => (Array.isArray(old) ? [...old, { zzUnknownField: 1 }] : [old]),
      ),
      fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 4 }),
    )
    .map(([path, mutate, json]) => edit(base, path, json === null ? mutate : () => json));
}

/** `n` broken copies of each object, reproducible from the fast-check seed. */
export function sampleMutants(objects: readonly object[], n: number): Record<string, unknown>[] {
  return objects.flatMap((o, i) =>
    fc
      .sample(mutantsOf(o), { numRuns: n, seed: (fc.readConfigureGlobal().seed ?? 0) + i })
      .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object' && !Array.isArray(m)),
  );
}
