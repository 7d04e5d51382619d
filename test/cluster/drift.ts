import type { IgnoreDifference } from '../../charts/target.ts';

/** A path into an object: keys and list indices. */
export type Path = readonly (string | number)[];

/** A value we wrote that the server stores differently: Argo CD would show it OutOfSync forever. */
export interface Drift {
  readonly path: Path;
  readonly ours: unknown;
  readonly live: unknown;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `spec.templates[0].name` */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Every value of `ours` the live object does not hold as written. What the server adds (defaults
 * of fields we did not set, metadata, status) is not drift: Argo CD compares what git says. A
 * list must keep its length (a default merged into a list is drift); its items compare the same way.
 */
export function driftOf(ours: unknown, live: unknown, path: Path = []): Drift[] {
  if (isMap(ours)) {
    if (!isMap(live)) return [{ path, ours, live }];
    return Object.keys(ours).flatMap((k) =>
      k in live ? driftOf(ours[k], live[k], [...path, k]) : [{ path: [...path, k], ours: ours[k], live: undefined }],
    );
  }
  if (Array.isArray(ours)) {
    if (!Array.isArray(live) || live.length !== ours.length) return [{ path, ours, live }];
    return ours.flatMap((o, i) => driftOf(o, live[i], [...path, i]));
  }
  return Object.is(ours, live) ? [] : [{ path, ours, live }];
}

type Step =
  | { readonly key: string }
  | { readonly index: number }
  | { readonly each: true }
  | { readonly select: { readonly field: readonly string[]; readonly value: unknown } };

/**
 * The jq path expressions Argo CD's ignoreDifferences take, as far as Argosy writes them:
 * `.a.b`, `.a["k"]`, `.a[]`, `.a[0]`, and `| select(.f == "v")`. Anything else throws, so a new
 * form makes the test fail loudly instead of ignoring nothing (or everything).
 */
export function parseJqPath(expr: string): Step[] {
  const steps: Step[] = [];
  let s = expr.trim();
  while (s.length > 0) {
    let m: RegExpExecArray | null;
    if ((m = /^\.([A-Za-z_][\w-]*)/.exec(s))) steps.push({ key: m[1] as string });
    else if ((m = /^\.?\["((?:[^"\\]|\\.)*)"\]/.exec(s))) steps.push({ key: (m[1] as string).replace(/\\(.)/g, '$1') });
    else if ((m = /^\[\]/.exec(s))) steps.push({ each: true });
    else if ((m = /^\[(\d+)\]/.exec(s))) steps.push({ index: Number(m[1]) });
    else if (
      (m =
        /^\s*\|\s*select\(\s*((?:\.[A-Za-z_][\w-]*)+)\s*==\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*\)/.exec(
          s,
        ))
    )
      steps.push({ select: { field: (m[1] as string).slice(1).split('.'), value: JSON.parse(m[2] as string) } });
    else throw new Error(`unsupported jq path expression ${JSON.stringify(expr)} at ${JSON.stringify(s)}`);
    s = s.slice(m[0].length);
  }
  return steps;
}

/** Whether the path designated by `steps` (evaluated on `doc`) is `path` or contains it. */
function covers(steps: readonly Step[], path: Path, doc: unknown, si = 0, pi = 0): boolean {
  if (si === steps.length) return true;
  const step = steps[si] as Step;
  if ('select' in step) {
    let v: unknown = doc;
    for (const f of step.select.field) v = isMap(v) ? v[f] : undefined;
    return Object.is(v, step.select.value) && covers(steps, path, doc, si + 1, pi);
  }
  if (pi === path.length) return false;
  const seg = path[pi] as string | number;
  const next = Array.isArray(doc) || isMap(doc) ? (doc as Record<string | number, unknown>)[seg] : undefined;
  if ('key' in step) return seg === step.key && covers(steps, path, next, si + 1, pi + 1);
  if ('index' in step) return seg === step.index && covers(steps, path, next, si + 1, pi + 1);
  return (typeof seg === 'number' ? Array.isArray(doc) : isMap(doc)) && covers(steps, path, next, si + 1, pi + 1);
}

/** `/spec/replicas` -> ['spec', 'replicas'] (RFC 6901 escapes). */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Identity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Whether an Argo CD ignoreDifferences entry applies to this object. */
export function appliesTo(e: IgnoreDifference, o: Identity): boolean {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  return (
    e.group === group &&
    e.kind === o.kind &&
    (e.name === undefined || e.name === o.name) &&
    (e.namespace === undefined || e.namespace === o.namespace)
  );
}

/** Whether Argo CD ignores this drift: an entry for the object names the path or a field above it. */
export function ignored(drift: Drift, entries: readonly IgnoreDifference[], o: Identity, live: unknown): boolean {
  return entries
    .filter((e) => appliesTo(e, o))
    .some(
      (e) =>
        (e.jsonPointers ?? []).some((p) => {
          const segs = pointerSegments(p);
          return segs.length <= drift.path.length && segs.every((s, i) => String(drift.path[i]) === s);
        }) || (e.jqPathExpressions ?? []).some((x) => covers(parseJqPath(x), drift.path, live)),
    );
}
