import type { Finding } from './finding.ts';
import { isObject, obj } from './object-path.ts';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [undefined, key];
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return 'its prefix must be a DNS subdomain (lowercase letters, digits, "-" and ".")';
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name))
    return 'its name part must be 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

/** The rule ids the metadata layer emits. */
export const METADATA_RULES = {
  object: 'metadata/object',
  apiVersion: 'metadata/api-version',
  kind: 'metadata/kind',
  name: 'metadata/name',
  labels: 'metadata/labels',
  annotations: 'metadata/annotations',
} as const;

function error(rule: keyof typeof METADATA_RULES, path: string, message: string): Finding {
  return { severity: 'error', layer: 'metadata', rule: METADATA_RULES[rule], path, message };
}

/**
 * What the Kubernetes API server checks on every object before any controller sees it:
 * apiVersion and kind, a name (or generateName), and well-formed labels and annotations.
 */
export function metadataFindings(o: unknown): Finding[] {
  const out: Finding[] = [];
  const doc = obj(o);
  if (!isObject(o))
    return [
      error(
        'object',
        '',
        `a Kubernetes object must be a mapping (got ${Array.isArray(o) ? 'a list' : typeof o}). Remove stray YAML or fix the indentation`,
      ),
    ];
  if (typeof doc.apiVersion !== 'string' || doc.apiVersion === '')
    out.push(error('apiVersion', 'apiVersion', 'apiVersion is missing. Add e.g. `apiVersion: argoproj.io/v1alpha1`'));
  if (typeof doc.kind !== 'string' || doc.kind === '')
    out.push(error('kind', 'kind', 'kind is missing. Add e.g. `kind: WorkflowTemplate`'));
  const m = obj(doc.metadata);
  const name = m.name;
  if ((typeof name !== 'string' || name === '') && (typeof m.generateName !== 'string' || m.generateName === '')) {
    const nested = ['labels', 'annotations'].find(
      (f) => isObject(m[f]) && ('name' in (m[f] as object) || 'generateName' in (m[f] as object)),
    );
    out.push(
      error(
        'name',
        'metadata.name',
        `the object has neither metadata.name nor metadata.generateName${nested ? ` (a name key sits under metadata.${nested}: check its indentation)` : ''}. Give it a name`,
      ),
    );
  } else if (typeof name === 'string' && (name.length > 253 || !DNS_SUBDOMAIN.test(name))) {
    out.push(
      error(
        'name',
        'metadata.name',
        `name "${name}" is not a valid DNS subdomain. Use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit`,
      ),
    );
  }
  for (const field of ['labels', 'annotations'] as const) {
    const map = m[field];
    if (map === undefined || map === null) continue;
    if (!isObject(map)) {
      out.push(error(field, `metadata.${field}`, `metadata.${field} must be a mapping of strings`));
      continue;
    }
    for (const [k, v] of Object.entries(map)) {
      const path = `metadata.${field}["${k}"]`;
      const kp = keyProblem(k);
      if (kp) out.push(error(field, path, `key "${k}" is invalid: ${kp}`));
      if (typeof v !== 'string')
        out.push(error(field, path, `value must be a string (got ${JSON.stringify(v)}). Quote it`));
      else if (field === 'labels' && (v.length > 63 || !LABEL_VALUE.test(v)))
        out.push(
          error(
            field,
            path,
            `label value "${v}" is invalid: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`,
          ),
        );
    }
  }
  return out;
}
