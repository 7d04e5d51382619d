import type { Finding } from './finding.ts';
import { obj, pointerToPath } from './object-path.ts';
import type { SchemaRegistry } from './schema-registry.ts';

/**
 * Strict schema conformance (unknown fields are errors, like `kubeconform -strict`). Kinds
 * without a schema in the registry are reported once as a warning, not silently passed.
 */
export function schemaFindings(registry: SchemaRegistry, o: unknown): Finding[] {
  const d = obj(o);
  if (typeof d.apiVersion !== 'string' || typeof d.kind !== 'string') return [];
  const found = registry.validate(d);
  if (found === undefined) {
    return [{ severity: 'warning', layer: 'schema', rule: 'schema/missing', path: '', message: `no schema for ${d.apiVersion} ${d.kind} under ${registry.root}; structure not checked. Run \`argosy schemas pull\` or pass --schema-location` }];
  }
  return found.map((f) => ({ severity: 'error', layer: 'schema', rule: 'schema/strict', path: f.path === '/' ? '' : pointerToPath(f.path), message: f.message }));
}
