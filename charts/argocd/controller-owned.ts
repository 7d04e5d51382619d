import { ROLLOUTS_HASH_LABELS } from '../deployment-sync.ts';
import type { IgnoreDifference, RenderedObject } from '../target.ts';

type Json = Record<string, unknown>;
const o = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const a = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Argo Rollouts shifts traffic by rewriting the weights of the VirtualServices a Rollout names,
 * and inserts its managed routes (mirror/header routes); git keeps the initial 100/0. With
 * subset-level routing it also writes the ReplicaSets' pod-template hashes into the subsets of
 * the DestinationRule it names.
 */
function rolloutManagedRoutes(objects: readonly RenderedObject[]): IgnoreDifference[] {
  const out: IgnoreDifference[] = [];
  for (const r of objects.filter((x) => x.kind === 'Rollout')) {
    const canary = o(o(o(r.spec).strategy).canary);
    const routing = o(canary.trafficRouting);
    const istio = o(routing.istio);
    const names = [str(o(istio.virtualService).name), ...a(istio.virtualServices).map((v) => str(o(v).name))].filter(
      (n): n is string => n !== undefined,
    );
    const managed = a(routing.managedRoutes)
      .map((m) => str(o(m).name))
      .filter((n): n is string => n !== undefined);
    for (const name of names) {
      out.push({
        group: 'networking.istio.io',
        kind: 'VirtualService',
        name,
        jqPathExpressions: [
          '.spec.http[].route[].weight',
          ...managed.map((m) => `.spec.http[] | select(.name == "${m}")`),
        ],
      });
    }
    const rule = str(o(istio.destinationRule).name);
    if (rule)
      out.push({
        group: 'networking.istio.io',
        kind: 'DestinationRule',
        name: rule,
        jqPathExpressions: [ROLLOUTS_HASH_LABELS],
      });
  }
  return out;
}

/** A HorizontalPodAutoscaler owns `spec.replicas` of what it scales. */
function autoscaledReplicas(objects: readonly RenderedObject[]): IgnoreDifference[] {
  return objects
    .filter((x) => x.kind === 'HorizontalPodAutoscaler')
    .map((h) => o(o(h.spec).scaleTargetRef))
    .filter((t) => str(t.kind) && str(t.name))
    .map((t) => ({
      group: String(t.apiVersion ?? 'apps/v1').includes('/')
        ? (String(t.apiVersion ?? 'apps/v1').split('/')[0] as string)
        : '',
      kind: String(t.kind),
      name: String(t.name),
      jsonPointers: ['/spec/replicas'],
    }));
}

/**
 * KServe's mutating webhook annotates every InferenceService with its model format, and sets
 * `protocolVersion: v2` for Triton and vLLM models that do not say; both appear only live.
 */
function kserveDefaults(objects: readonly RenderedObject[]): IgnoreDifference[] {
  return objects
    .filter((x) => x.kind === 'InferenceService')
    .map((isvc) => {
      const model = o(o(o(isvc.spec).predictor).model);
      const format = str(o(model.modelFormat).name);
      const defaultsProtocol = (format === 'triton' || format === 'vllm') && model.protocolVersion === undefined;
      return {
        group: 'serving.kserve.io',
        kind: 'InferenceService',
        name: isvc.metadata.name,
        jsonPointers: [
          '/metadata/annotations/modelFormat',
          ...(defaultsProtocol ? ['/spec/predictor/model/protocolVersion'] : []),
        ],
      };
    });
}

/** Controller-owned fields Argosy knows about, found from the objects themselves. */
export function builtInIgnoreDifferences(objects: readonly RenderedObject[]): IgnoreDifference[] {
  return [...rolloutManagedRoutes(objects), ...autoscaledReplicas(objects), ...kserveDefaults(objects)];
}

/** Merges entries for the same object, so each object appears once with all its fields. */
export function mergeIgnoreDifferences(entries: readonly IgnoreDifference[]): IgnoreDifference[] {
  const byTarget = new Map<string, IgnoreDifference>();
  for (const e of entries) {
    const key = [e.group, e.kind, e.namespace ?? '', e.name ?? ''].join('|');
    const prev = byTarget.get(key);
    const union = (x?: readonly string[], y?: readonly string[]): string[] | undefined =>
      x || y ? [...new Set([...(x ?? []), ...(y ?? [])])] : undefined;
    const jsonPointers = union(prev?.jsonPointers, e.jsonPointers);
    const jqPathExpressions = union(prev?.jqPathExpressions, e.jqPathExpressions);
    const managedFieldsManagers = union(prev?.managedFieldsManagers, e.managedFieldsManagers);
    byTarget.set(key, {
      group: e.group,
      kind: e.kind,
      ...(e.name ? { name: e.name } : {}),
      ...(e.namespace ? { namespace: e.namespace } : {}),
      ...(jsonPointers ? { jsonPointers } : {}),
      ...(jqPathExpressions ? { jqPathExpressions } : {}),
      ...(managedFieldsManagers ? { managedFieldsManagers } : {}),
    });
  }
  return [...byTarget.values()].sort((x, y) =>
    [x.group, x.kind, x.name ?? ''].join('|').localeCompare([y.group, y.kind, y.name ?? ''].join('|')),
  );
}
