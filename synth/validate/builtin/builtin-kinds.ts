import type { SchemaFinding } from '../schema-registry.ts';
import { coreRuleFindings } from './core-rules.ts';
import { isModel, structureFindings } from './structure.ts';

/** apiVersion/kind of the built-in kinds checked without any schema directory, and their API model. */
const BUILTIN_KINDS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    'Pod',
    'Service',
    'ServiceAccount',
    'ConfigMap',
    'Secret',
    'Namespace',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'LimitRange',
    'ResourceQuota',
  ].map((k) => [`v1/${k}`, `V1${k}`]),
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((k) => [`apps/v1/${k}`, `V1${k}`]),
  ...['Job', 'CronJob'].map((k) => [`batch/v1/${k}`, `V1${k}`]),
  ...['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].map((k) => [
    `rbac.authorization.k8s.io/v1/${k}`,
    `V1${k}`,
  ]),
  ...['NetworkPolicy', 'Ingress', 'IngressClass'].map((k) => [`networking.k8s.io/v1/${k}`, `V1${k}`]),
  ['policy/v1/PodDisruptionBudget', 'V1PodDisruptionBudget'],
  ['autoscaling/v1/HorizontalPodAutoscaler', 'V1HorizontalPodAutoscaler'],
  ['autoscaling/v2/HorizontalPodAutoscaler', 'V2HorizontalPodAutoscaler'],
  ['scheduling.k8s.io/v1/PriorityClass', 'V1PriorityClass'],
  ['storage.k8s.io/v1/StorageClass', 'V1StorageClass'],
]);

/** The built-in kinds `argosy validate` checks on its own, as `apiVersion/Kind`. */
export const BUILTIN_KIND_NAMES: readonly string[] = Object.keys(BUILTIN_KINDS).sort();

/**
 * Validates a built-in Kubernetes kind strictly (structure from the API models, plus the
 * cross-field rules of core-rules.ts); `undefined` means the kind is not one of them.
 */
export function validateBuiltinKind(obj: {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly [field: string]: unknown;
}): SchemaFinding[] | undefined {
  const type = BUILTIN_KINDS[`${String(obj.apiVersion)}/${String(obj.kind)}`];
  if (!type || !isModel(type)) return undefined;
  const all = [...structureFindings(obj, type), ...coreRuleFindings(obj)];
  return [...new Map(all.map((f) => [`${f.path}|${f.message}`, f])).values()];
}
