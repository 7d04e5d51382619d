import { ROLLOUTS_HASH_LABELS } from '../deployment-sync.ts';
import type { Rollout } from '../imports/argo-rollouts.ts';
import type { InferenceService } from '../imports/kserve.ts';
import type { IgnoreDifference, RenderedObject } from '../target.ts';

/** A rendered object read as the kind it says it is (Argosy rendered it from that generated type). */
const as = <T>(o: RenderedObject): T => o as unknown as T;

/**
 * Argo Rollouts shifts traffic by rewriting the weights of the VirtualServices a Rollout names,
 * and inserts its managed routes (mirror/header routes); git keeps the initial 100/0. With
 * subset-level routing it also writes the ReplicaSets' pod-template hashes into the subsets of
 * the DestinationRule it names.
 */
function rolloutManagedRoutes(objects: readonly RenderedObject[]): IgnoreDifference[] {
  const out: IgnoreDifference[] = [];
  for (const r of objects.filter((x) => x.kind === 'Rollout').map((x) => as<Rollout>(x))) {
    const routing = r.spec?.strategy?.canary?.trafficRouting;
    const istio = routing?.istio;
    const names = [istio?.virtualService?.name, ...(istio?.virtualServices ?? []).map((v) => v.name)].filter(
      (n): n is string => typeof n === 'string' && n !== '',
    );
    const managed = (routing?.managedRoutes ?? []).map((m) => m.name).filter((n) => n !== '');
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
    const rule = istio?.destinationRule?.name;
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

/** What Argosy reads of a HorizontalPodAutoscaler (a core kind, not one of charts/imports/). */
interface Autoscaler {
  readonly spec?: {
    readonly scaleTargetRef?: { readonly apiVersion?: string; readonly kind?: string; readonly name?: string };
  };
}

/** A HorizontalPodAutoscaler owns `spec.replicas` of what it scales. */
function autoscaledReplicas(objects: readonly RenderedObject[]): IgnoreDifference[] {
  return objects
    .filter((x) => x.kind === 'HorizontalPodAutoscaler')
    .map((h) => as<Autoscaler>(h).spec?.scaleTargetRef ?? {})
    .filter((t) => t.kind && t.name)
    .map((t) => ({
      group: (t.apiVersion ?? 'apps/v1').includes('/') ? ((t.apiVersion ?? 'apps/v1').split('/')[0] as string) : '',
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
      const model = as<InferenceService>(isvc).spec?.predictor.model;
      const format = model?.modelFormat?.name;
      const defaultsProtocol = (format === 'triton' || format === 'vllm') && model?.protocolVersion === undefined;
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
