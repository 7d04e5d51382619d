import { isObject, obj, show } from '../object-path.ts';

/** The documents of Kubeflow Pipelines that `argosy synth --target kfp` writes; none is a Kubernetes object. */
export type KfpKind = 'PipelineSpec' | 'PlatformSpec' | 'RecurringRun';

const SPEC_FIELDS = ['root', 'schemaVersion', 'components', 'deploymentSpec'];
const PIPELINE_SOURCES = ['pipelineSpec', 'pipelineVersionReference', 'pipelineVersionId'];

/**
 * Recognizes a KFP document by its shape, since none carries apiVersion/kind: a PipelineSpec
 * has `pipelineInfo` and any of root, schemaVersion, components, deploymentSpec (so a spec
 * missing its root is still recognized and reported); a PlatformSpec has `platforms`; a
 * recurring-run request body (POST /apis/v2beta1/recurringruns) has `displayName` and a
 * pipeline source or a trigger. Anything with apiVersion or kind is left to the Kubernetes layers.
 */
export function kfpKind(o: unknown): KfpKind | undefined {
  if (!isObject(o) || 'apiVersion' in o || 'kind' in o) return undefined;
  if (isObject(o.pipelineInfo) && SPEC_FIELDS.some((k) => k in o)) return 'PipelineSpec';
  if (isObject(o.platforms)) return 'PlatformSpec';
  // ProtoJSON accepts a field's proto name too (display_name), so the body is read either way.
  const fields = new Set(Object.keys(o).map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  if (fields.has('displayName') && [...PIPELINE_SOURCES, 'trigger'].some((k) => fields.has(k))) return 'RecurringRun';
  return undefined;
}

/** The name a KFP document goes by in reports: the pipeline's name, or the recurring run's display name. */
export function kfpName(kind: KfpKind, o: unknown, pipelineSpec?: unknown): string {
  const named = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : '(unnamed)');
  if (kind === 'RecurringRun') return named(obj(o).displayName ?? obj(o).display_name);
  return named(obj(obj(kind === 'PipelineSpec' ? o : pipelineSpec).pipelineInfo).name);
}

/** `base.key`, or `base["key"]` for keys that would not read as one path segment. */
export function child(base: string, key: string): string {
  const k = show(key);
  if (/^[A-Za-z_][\w-]*$/.test(k)) return base ? `${base}.${k}` : k;
  return `${base}[${JSON.stringify(k)}]`;
}
