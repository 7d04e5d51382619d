import type { FieldChange } from './field-diff.ts';
import type { TreeObject } from './object-set.ts';

/** Kinds of change that can hurt production and deserve a second look in review. */
export type RiskCategory = 'traffic weight' | 'model storage' | 'image' | 'schedule' | 'RBAC';

export interface Risk {
  readonly category: RiskCategory;
  readonly object: TreeObject;
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Set when the whole object appeared or disappeared. */
  readonly lifecycle?: 'added' | 'removed';
}

const TRAFFIC_KINDS = ['VirtualService', 'Rollout', 'InferenceService', 'InferenceGraph', 'Experiment', 'DestinationRule', 'HTTPRoute', 'Canary'];
const TRAFFIC_FIELD = /(^|[.\]])(weight|setWeight|canaryTrafficPercent|trafficPercent|mirrorPercentage|mirrorPercent|percent|maxSurge|maxUnavailable)(\b|$)/;
const MODEL_FIELD = /(storageUri|storageUris|modelUri|STORAGE_URI|MODEL_URI)/i;
const IMAGE_FIELD = /(^|\.)image$/;
const SCHEDULE_KINDS = ['CronWorkflow', 'CronJob'];
const SCHEDULE_FIELD = /^spec\.(schedule|schedules|timezone|timeZone|suspend|concurrencyPolicy)(\b|\[|$)/;
const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];
const RBAC_FIELD = /^(rules|aggregationRule|subjects|roleRef)(\b|\[|\.|$)/;

/** The category a changed field falls in, if any. */
export function categorize(kind: string, path: string): RiskCategory | undefined {
  if (RBAC_KINDS.includes(kind) && RBAC_FIELD.test(path)) return 'RBAC';
  if (SCHEDULE_KINDS.includes(kind) && SCHEDULE_FIELD.test(path)) return 'schedule';
  if (TRAFFIC_KINDS.includes(kind) && TRAFFIC_FIELD.test(path)) return 'traffic weight';
  if (MODEL_FIELD.test(path)) return 'model storage';
  if (IMAGE_FIELD.test(path)) return 'image';
  // An env var whose name says it is a model location (e.g. MODEL_URI) is only visible through its value.
  return undefined;
}

/** The risky changes among an object's field changes. */
export function risksOf(object: TreeObject, changes: readonly FieldChange[], lifecycle?: 'added' | 'removed'): Risk[] {
  return changes.flatMap((c) => {
    const category = categorize(object.kind, c.path) ?? envCategory(c);
    if (!category) return [];
    return [{ category, object, path: c.path, ...('before' in c ? { before: c.before } : {}), ...('after' in c ? { after: c.after } : {}), ...(lifecycle ? { lifecycle } : {}) }];
  });
}

/** `env[name=MODEL_URI].value`: the variable's name carries the meaning. */
function envCategory(c: FieldChange): RiskCategory | undefined {
  const m = /env\[name=([^\]]+)\]\.value$/.exec(c.path);
  return m && MODEL_FIELD.test(m[1] as string) ? 'model storage' : undefined;
}
