import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaFinding } from '../schema-registry.ts';

/**
 * Strict structure of built-in Kubernetes kinds, read from the API models that
 * @kubernetes/client-node generates from the Kubernetes OpenAPI spec: every field of every
 * type, its value type, and (from the model's type declaration) which fields are required.
 * The model files are read as data, one per type in use, instead of importing the client:
 * loading all of it costs `argosy validate` about a second and 140 MB.
 * Unknown fields are errors, like `kubeconform -strict` and the API server's strict decoding.
 */
interface Attribute {
  readonly name: string;
  readonly baseName: string;
  readonly type: string;
  readonly format: string;
}

interface Model {
  readonly fields: ReadonlyMap<string, Attribute>;
  readonly required: readonly string[];
}

const models = new Map<string, Model | undefined>();
const modelsDir = ((): string | undefined => {
  try {
    return join(dirname(fileURLToPath(import.meta.resolve('@kubernetes/client-node'))), 'gen', 'models');
  } catch {
    return undefined;
  }
})();

/** Required properties: the ones the generated declaration does not mark optional (`'name': string;`). */
function requiredOf(type: string, fields: readonly Attribute[]): string[] {
  const file = modelsDir ? join(modelsDir, `${type}.d.ts`) : undefined;
  if (!file || !existsSync(file)) return [];
  const declared = new Set([...readFileSync(file, 'utf8').matchAll(/^\s+'([^']+)': /gm)].map((m) => m[1] as string));
  return fields.filter((f) => declared.has(f.name)).map((f) => f.baseName);
}

/** A model's fields: the `<Type>.attributeTypeMap = [...]` JSON literal of its generated `<Type>.js`. */
export function attributesOf(type: string): Attribute[] | undefined {
  // Type names come from the models themselves; anything else is not a model file.
  const file = modelsDir && /^\w+$/.test(type) ? join(modelsDir, `${type}.js`) : undefined;
  if (!file || !existsSync(file)) return undefined;
  const found = new RegExp(`^${type}\\.attributeTypeMap = (\\[\\]|\\[[\\s\\S]*?\\n\\]);`, 'm').exec(
    readFileSync(file, 'utf8'),
  );
  if (!found)
    throw new Error(
      `${file}: no attributeTypeMap literal; the generated models of @kubernetes/client-node changed shape`,
    );
  return JSON.parse(found[1] as string) as Attribute[];
}

function model(type: string): Model | undefined {
  if (!models.has(type)) {
    const attrs = attributesOf(type);
    models.set(
      type,
      attrs ? { fields: new Map(attrs.map((a) => [a.baseName, a])), required: requiredOf(type, attrs) } : undefined,
    );
  }
  return models.get(type);
}

export function isModel(type: string): boolean {
  return model(type) !== undefined;
}

// resource.Quantity is a string in the models, but the API server also takes a bare number.
const QUANTITY_MAPS = new Set([
  'limits',
  'requests',
  'hard',
  'used',
  'capacity',
  'allocatable',
  'overhead',
  'default',
  'defaultRequest',
  'max',
  'min',
  'maxLimitRequestRatio',
]);
const QUANTITY_FIELDS = new Set([
  'V1EmptyDirVolumeSource.sizeLimit',
  'V2MetricTarget.value',
  'V2MetricTarget.averageValue',
  'V1ResourceFieldSelector.divisor',
]);

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function check(value: unknown, type: string, path: string, out: SchemaFinding[], quantity = false): void {
  // JSON null decodes to the zero value of any Go type: the API server accepts it everywhere.
  if (value === null || value === undefined || type === 'any') return;
  const fail = (expected: string): void => {
    out.push({ path: path || '/', message: `must be ${expected} (got ${typeName(value)})` });
  };
  const list = /^Array<(.+)>$/.exec(type);
  if (list) {
    if (!Array.isArray(value)) return fail('array');
    value.forEach((v, i) => check(v, list[1] as string, `${path}/${i}`, out));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeName(value) !== 'object') return fail('object');
    for (const [k, v] of Object.entries(value as object))
      check(v, map[1] as string, `${path}/${escape(k)}`, out, quantity);
    return;
  }
  switch (type) {
    case 'string':
      if (typeof value === 'string' || (quantity && typeof value === 'number')) return;
      return fail(quantity ? 'a quantity (string or number)' : 'string');
    case 'Date':
      return typeof value === 'string' ? undefined : fail('string (a timestamp)');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail('boolean');
    case 'number':
      return typeof value === 'number' ? undefined : fail('number');
    case 'IntOrString':
      return typeof value === 'string' || Number.isInteger(value) ? undefined : fail('integer or string');
    default:
      break;
  }
  const m = model(type);
  if (!m) return;
  if (typeName(value) !== 'object') return fail('object');
  const o = value as Record<string, unknown>;
  for (const r of m.required) {
    if (o[r] === undefined || o[r] === null)
      out.push({ path: path || '/', message: `must have required property '${r}'` });
  }
  for (const [k, v] of Object.entries(o)) {
    const attr = m.fields.get(k);
    if (!attr) {
      out.push({ path: path || '/', message: `unknown field "${k}"` });
      continue;
    }
    if (
      attr.type === 'number' &&
      (attr.format === 'int32' || attr.format === 'int64') &&
      typeof v === 'number' &&
      !Number.isInteger(v)
    ) {
      out.push({ path: `${path}/${escape(k)}`, message: `must be integer (got ${v})` });
      continue;
    }
    check(v, attr.type, `${path}/${escape(k)}`, out, QUANTITY_MAPS.has(k) || QUANTITY_FIELDS.has(`${type}.${k}`));
  }
}

/** Structural findings for an object of the given model type (`V1Deployment`), located by JSON pointer. */
export function structureFindings(o: unknown, type: string): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  check(o, type, '', out);
  return out;
}
