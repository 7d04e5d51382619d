/**
 * Converts a CRD's `openAPIV3Schema` into the strict JSON Schema layout of ../shared/schemas
 * (kubeconform's openapi2jsonschema rules, closed like `-strict`): unknown fields are errors
 * except where the CRD preserves unknown fields.
 */
type Schema = Record<string, unknown>;

const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not'];

function caseInsensitive(pattern: string): string {
  // JavaScript has no inline (?i) (Go RE2 has); spell every letter after it as a two-case class.
  const at = pattern.indexOf('(?i)');
  const rest = pattern
    .slice(at + 4)
    .replace(/\\.|\[[^\]]*\]|[A-Za-z]/g, (m) => (m.length === 1 ? `[${m.toLowerCase()}${m.toUpperCase()}]` : m));
  return pattern.slice(0, at) + rest;
}

function convert(node: unknown, inCombinator: boolean, propertyName?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, inCombinator));
  if (node === null || typeof node !== 'object') return node;
  const src = node as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'description') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(v as Schema).map(([name, p]) => [name, convert(p, false, name)]),
      );
    } else if (COMBINATORS.includes(k)) {
      out[k] = convert(v, true);
    } else if (k === 'items' || k === 'additionalProperties') {
      out[k] = typeof v === 'object' ? convert(v, false) : v;
    } else {
      out[k] = v;
    }
  }
  if (src.format === 'int-or-string' || src['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    delete out.format;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (src.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  if (typeof out.pattern === 'string' && out.pattern.includes('(?i)')) {
    out['x-go-pattern'] = out.pattern;
    out.pattern = caseInsensitive(out.pattern);
  }
  const preserve = src['x-kubernetes-preserve-unknown-fields'] === true;
  const isObject = src.type === 'object';
  if (!inCombinator && !preserve && out.additionalProperties === undefined) {
    if (out.properties !== undefined) out.additionalProperties = false;
    // A bare object type is an empty Go struct: the API server keeps none of its keys.
    else if (isObject && propertyName !== 'metadata') out.additionalProperties = false;
  }
  return out;
}

/** One JSON Schema file per served version of a CRD, keyed by its path in the schema layout. */
export function crdSchemas(crd: unknown): Map<string, object> {
  const out = new Map<string, object>();
  const c = (crd ?? {}) as {
    spec?: {
      group?: string;
      names?: { kind?: string };
      versions?: { name?: string; served?: boolean; schema?: { openAPIV3Schema?: Schema } }[];
    };
  };
  const group = c.spec?.group;
  const kind = c.spec?.names?.kind;
  if (!group || !kind) return out;
  for (const v of c.spec?.versions ?? []) {
    const raw = v.schema?.openAPIV3Schema;
    if (!v.served || !v.name || !raw) continue;
    const schema = convert(raw, false) as Schema;
    const properties = { ...((schema.properties as Schema | undefined) ?? {}) };
    properties.apiVersion = { type: 'string', enum: [`${group}/${v.name}`] };
    properties.kind = { type: 'string', enum: [kind] };
    if (!properties.metadata) properties.metadata = { type: 'object' };
    schema.properties = properties;
    schema.required = [...new Set([...((schema.required as string[] | undefined) ?? []), 'apiVersion', 'kind'])];
    if (raw['x-kubernetes-preserve-unknown-fields'] !== true) schema.additionalProperties = false;
    out.set(`${group}/${kind.toLowerCase()}_${v.name}.json`, {
      $schema: 'http://json-schema.org/draft-07/schema#',
      ...schema,
    });
  }
  return out;
}
