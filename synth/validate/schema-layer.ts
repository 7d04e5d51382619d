import { validateBuiltinKind } from './builtin/builtin-kinds.ts';
import type { Finding } from './finding.ts';
import { obj, pointerToPath } from './object-path.ts';
import type { SchemaFinding, SchemaRegistry } from './schema-registry.ts';

/** The rule ids the schema layer emits. */
export const SCHEMA_RULES = { strict: 'schema/strict', missing: 'schema/missing' } as const;

/**
 * Strict schema conformance (unknown fields are errors, like `kubeconform -strict`). A schema
 * the registry (--schema-location or the pull cache) has for the kind wins; built-in kinds
 * (Service, Deployment, RBAC, ...) are otherwise checked against the built-in registry. Other
 * kinds without a schema are reported once as a warning when a registry was given, not silently passed.
 * The result is aligned with `objects`. `checked` is what the registry found for them
 * (`validateAll` or `validateAllAsync`), computed here when not given.
 */
export function schemaLayer(
  registry: SchemaRegistry | undefined,
  objects: readonly unknown[],
  checked: readonly (SchemaFinding[] | undefined)[] | undefined = registry?.validateAll(objects.map(obj)),
): Finding[][] {
  return objects.map(obj).map((d, i) => {
    if (typeof d.apiVersion !== 'string' || typeof d.kind !== 'string') return [];
    const found: SchemaFinding[] | undefined = checked?.[i] ?? validateBuiltinKind(d);
    if (found === undefined) {
      if (!registry) return [];
      return [
        {
          severity: 'warning',
          layer: 'schema',
          rule: SCHEMA_RULES.missing,
          path: '',
          message: `no schema for ${d.apiVersion} ${d.kind} under ${registry.root}; structure not checked. Run \`argosy schemas pull\` or pass --schema-location`,
        },
      ];
    }
    return found.map((f) => ({
      severity: 'error',
      layer: 'schema',
      rule: SCHEMA_RULES.strict,
      path: f.path === '/' || f.path === '' ? '' : pointerToPath(f.path),
      message: f.message,
    }));
  });
}
