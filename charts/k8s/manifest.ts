import { dump } from 'js-yaml';

/**
 * An object as the manifest text of an Argo `resource` template (a submitted Workflow, a claim):
 * sorted keys and no line folding, so the output stays deterministic.
 *
 * @example
 * ```ts
 * const manifest = manifestText({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'scratch' } });
 * ```
 */
export function manifestText(manifest: object): string {
  return dump(manifest, { sortKeys: true, lineWidth: -1, noRefs: true });
}
