/**
 * How the Argo examples harness compares Argosy's output with an upstream example. Both sides
 * are parsed as YAML 1.1 (as Kubernetes does), then normalized by exactly these rules:
 *
 * 1. Labels Argosy adds to every object it writes (`app.kubernetes.io/managed-by`,
 *    `app.kubernetes.io/part-of`, `argosy.dev/app`) are removed from the synthesized side only.
 * 2. Templates are sorted by name: Argo looks templates up by name, their order means nothing.
 *
 * Nothing else is normalized: key order does not exist once parsed, and every value (script
 * source, whitespace, numbers vs strings, empty objects) must match exactly.
 */

export const ARGOSY_LABELS = ['app.kubernetes.io/managed-by', 'app.kubernetes.io/part-of', 'argosy.dev/app'] as const;

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Rule 1: removes the labels Argosy adds (synthesized side only). */
export function stripArgosyLabels(doc: Json): Json {
  if (!isObj(doc) || !isObj(doc.metadata) || !isObj(doc.metadata.labels)) return doc;
  const labels = Object.fromEntries(
    Object.entries(doc.metadata.labels).filter(([k]) => !(ARGOSY_LABELS as readonly string[]).includes(k)),
  );
  const { labels: _dropped, ...metadata } = doc.metadata;
  return { ...doc, metadata: Object.keys(labels).length ? { ...metadata, labels } : metadata };
}

/** Rule 2: sorts `templates` of a workflow spec (also inside a CronWorkflow) by name. */
export function sortTemplates(doc: Json): Json {
  if (!isObj(doc) || !isObj(doc.spec)) return doc;
  const sortSpec = (spec: Obj): Obj => {
    if (!Array.isArray(spec.templates)) return spec;
    const name = (t: Json): string => (isObj(t) && typeof t.name === 'string' ? t.name : '');
    return {
      ...spec,
      templates: [...spec.templates].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)),
    };
  };
  const spec = sortSpec(doc.spec);
  return { ...doc, spec: isObj(spec.workflowSpec) ? { ...spec, workflowSpec: sortSpec(spec.workflowSpec) } : spec };
}

/** Differences between two JSON values, as `path: expected X, got Y` lines (at most `max`). */
export function diff(expected: Json, actual: Json, max = 5, path = ''): string[] {
  const out: string[] = [];
  const walk = (e: Json, a: Json, p: string): void => {
    if (out.length >= max) return;
    if (Array.isArray(e) && Array.isArray(a)) {
      if (e.length !== a.length) out.push(`${p || '/'}: expected ${e.length} items, got ${a.length}`);
      for (let i = 0; i < Math.min(e.length, a.length); i++) walk(e[i], a[i], `${p}[${label(e[i], i)}]`);
      return;
    }
    if (isObj(e) && isObj(a)) {
      for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
        if (!(k in a)) out.push(`${p}.${k}: missing (expected ${show(e[k])})`);
        else if (!(k in e)) out.push(`${p}.${k}: unexpected ${show(a[k])}`);
        else walk(e[k], a[k], `${p}.${k}`);
        if (out.length >= max) return;
      }
      return;
    }
    if (!Object.is(e, a)) out.push(`${p || '/'}: expected ${show(e)}, got ${show(a)}`);
  };
  walk(expected, actual, path);
  return out;
}

function label(v: Json, i: number): string {
  return isObj(v) && typeof v.name === 'string' ? `name=${v.name}` : String(i);
}

function show(v: Json): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}
