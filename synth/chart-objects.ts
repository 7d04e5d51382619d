import {
  ApiObject,
  App,
  Chart,
  ImplicitTokenResolver,
  JsonPatch,
  LazyResolver,
  NumberStringUnionResolver,
} from 'cdk8s';

/** Private fields of ApiObject read here; checked at run time, so a cdk8s that renames them only costs speed. */
interface ApiObjectInternals {
  readonly props?: unknown;
  readonly patches?: unknown;
}

const DEFAULT_RESOLVERS = [LazyResolver, ImplicitTokenResolver, NumberStringUnionResolver];
const TOP_LEVEL_FIRST = ['apiVersion', 'kind', 'metadata'];

/** Thrown inside `plain` to give up on the fast path; never escapes this module. */
const NOT_PLAIN = Symbol('not plain');

/**
 * What cdk8s's resolve and sanitize passes make of plain data, in one walk: objects with
 * sorted keys and without null or undefined values, arrays with null and undefined elements as
 * undefined. Anything else (a Lazy, a token, a class instance, a function) is not plain data.
 */
function plain(value: unknown, sortKeys: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type !== 'object') throw NOT_PLAIN;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plain(value[i], sortKeys);
    return out;
  }
  // cdk8s resolves an object whose own `constructor` is not Object as a value of its own.
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, 'constructor')) throw NOT_PLAIN;
  const source = value as Record<string, unknown>;
  const keys = sortKeys ? Object.keys(source).sort() : Object.keys(source);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    // cdk8s assigns keys one by one, so a "__proto__" key vanishes there: left to it.
    if (k === '__proto__') throw NOT_PLAIN;
    const v = plain(source[k], sortKeys);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** `obj.toJson()` for an ApiObject whose props are plain data; undefined when they are not. */
function plainJson(obj: ApiObject, sortKeys: boolean): Record<string, unknown> | undefined {
  const { props, patches } = obj as unknown as ApiObjectInternals;
  if (props === null || typeof props !== 'object' || !Array.isArray(patches)) return undefined;
  let body: Record<string, unknown>;
  try {
    const rest: Record<string, unknown> = { ...(props as Record<string, unknown>) };
    delete rest.metadata;
    body = plain(rest, sortKeys) as Record<string, unknown>;
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
  const metadata = obj.metadata.toJson() as unknown;
  const json = sortKeys ? sortedWith(body, 'metadata', metadata) : { ...body, metadata };
  const patched =
    patches.length > 0 ? (JsonPatch.apply(json, ...(patches as JsonPatch[])) as Record<string, unknown>) : json;
  const result: Record<string, unknown> = {};
  for (const k of [...TOP_LEVEL_FIRST, ...Object.keys(patched)])
    if (k in patched && !(k in result)) result[k] = patched[k];
  return result;
}

/** `{ ...body, [key]: value }` with the keys sorted, as cdk8s sorts the whole object. */
function sortedWith(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...Object.keys(body), key].sort()) {
    const v = k === key ? value : body[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

/**
 * The chart's objects as `chart.toJson()` renders them. cdk8s resolves and sanitizes every value
 * of every object (allocating a path array per value) and, for each chart, resolves the
 * dependencies of and validates the whole app. Here, when no construct of the chart has a
 * dependency, a failed validation or a nested chart (then cdk8s's order is the construct
 * order), a bare ApiObject holding plain data, as the targets build them, is rendered in one
 * walk, and any other object (cdk8s-plus, imported classes, Lazy values) by its own toJson():
 * the output is the same (tested against chart.toJson()). Anything else goes through cdk8s.
 */
export function chartObjects(chart: Chart): unknown[] {
  const app = App.of(chart);
  const defaultResolvers =
    app.resolvers.length === DEFAULT_RESOLVERS.length &&
    app.resolvers.every((r, i) => Object.getPrototypeOf(r) === DEFAULT_RESOLVERS[i]?.prototype);
  if (!defaultResolvers) return chart.toJson();
  const constructs = chart.node.findAll();
  for (const c of constructs) {
    if ((c !== chart && c instanceof Chart) || c.node.dependencies.length > 0 || c.node.validate().length > 0)
      return chart.toJson();
  }
  const sortKeys = !process.env.CDK8S_DISABLE_SORT;
  const out: unknown[] = [];
  for (const c of constructs) {
    if (!(c instanceof ApiObject)) continue;
    const fast = Object.getPrototypeOf(c) === ApiObject.prototype ? plainJson(c, sortKeys) : undefined;
    out.push(fast ?? c.toJson());
  }
  return out;
}
