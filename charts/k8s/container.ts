import type { EnvVarIR, KubeEnvVar, KubeResourceRequirements, ResourcesIR } from '../../dsl/ir/index.ts';

/**
 * Renders environment variables of containers Argosy writes directly (model servers, analysis
 * jobs): literal values are plain text, references become `valueFrom`.
 */
export function plainEnv(env: readonly EnvVarIR[]): KubeEnvVar[] {
  return env.map((e) => {
    if ('value' in e) return { name: e.name, value: e.value.map((p) => (p.kind === 'text' ? p.text : '')).join('') };
    if ('secretKeyRef' in e) return { name: e.name, valueFrom: { secretKeyRef: e.secretKeyRef } };
    if ('configMapKeyRef' in e) return { name: e.name, valueFrom: { configMapKeyRef: e.configMapKeyRef } };
    return { name: e.name, valueFrom: { fieldRef: e.fieldRef } };
  });
}

/** Container resources, or nothing when none were declared. */
export function resourcesOf(r: ResourcesIR | undefined): { resources?: KubeResourceRequirements } {
  return r ? { resources: { requests: r.requests, limits: r.limits } } : {};
}

/** Overrides `base` by variable name with `over` (a candidate's env on top of the serving env). */
export function mergeEnv(base: readonly EnvVarIR[], over: readonly EnvVarIR[] | undefined): readonly EnvVarIR[] {
  if (!over || over.length === 0) return base;
  const names = new Set(over.map((e) => e.name));
  return [...base.filter((e) => !names.has(e.name)), ...over];
}
