/** What Argo CD reads to order a sync (and what `argosy apply` orders by, to apply the same way). */
const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
const HOOK = 'argocd.argoproj.io/hook';

/** Sync phases in the order Argo CD runs them; objects without a hook are in Sync. */
const PHASES = ['PreSync', 'Sync', 'PostSync'];

/**
 * Within a wave Argo CD applies by kind, in Helm's install order: what others use (namespaces,
 * identities, RBAC, configuration) before what uses it. Kinds not listed (custom resources) last.
 */
const KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

interface Orderable {
  readonly kind?: unknown;
  readonly metadata?: { readonly annotations?: Record<string, unknown> };
}

/** The sync phase of an object (0 PreSync, 1 Sync, 2 PostSync; other hooks, e.g. SyncFail, never run in a good sync). */
export function syncPhase(o: Orderable): number {
  const hook = o.metadata?.annotations?.[HOOK];
  if (typeof hook !== 'string') return 1;
  const phases = hook.split(',').map((h) => PHASES.indexOf(h.trim()));
  const known = phases.filter((p) => p >= 0);
  return known.length ? Math.min(...known) : PHASES.length;
}

/** The object's sync wave (annotation), 0 when it has none or it is not a whole number. */
export function syncWaveOf(o: Orderable): number {
  const v = o.metadata?.annotations?.[SYNC_WAVE];
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}

function kindRank(kind: unknown): number {
  const i = KIND_ORDER.indexOf(String(kind));
  return i < 0 ? KIND_ORDER.length : i;
}

/**
 * Sorts objects into Argo CD's sync order: phase, wave, kind, then input order (stable). `wave`
 * can supply a wave for objects that carry no annotation (e.g. goldens written without Argo CD).
 */
export function syncOrder<T>(
  items: readonly T[],
  objectOf: (item: T) => Orderable,
  wave: (o: Orderable) => number = syncWaveOf,
): T[] {
  const keyed = items.map((item, i) => {
    const o = objectOf(item);
    return { item, i, phase: syncPhase(o), wave: wave(o), kind: kindRank(o.kind) };
  });
  keyed.sort((a, b) => a.phase - b.phase || a.wave - b.wave || a.kind - b.kind || a.i - b.i);
  return keyed.map((k) => k.item);
}
