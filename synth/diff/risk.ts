import { type FieldChange, leaves } from './field-diff.ts';
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

const TRAFFIC_KINDS = [
  'VirtualService',
  'Rollout',
  'InferenceService',
  'InferenceGraph',
  'Experiment',
  'DestinationRule',
  'HTTPRoute',
  'Canary',
];
const TRAFFIC_FIELD =
  /(^|[.\]])(weight|setWeight|canaryTrafficPercent|trafficPercent|mirrorPercentage|mirrorPercent|percent|maxSurge|maxUnavailable)(\b|$)/;
const MODEL_FIELD = /(storageUri|storageUris|modelUri|STORAGE_URI|MODEL_URI)/i;
const IMAGE_FIELD = /(^|\.)image$/;
const SCHEDULE_KINDS = ['CronWorkflow', 'CronJob'];
const SCHEDULE_FIELD = /^spec\.(schedule|schedules|timezone|timeZone|suspend|concurrencyPolicy)(\b|\[|$)/;
// A KFP recurring-run body: when it runs, whether at all, how many at once, and missed runs.
const RECURRING_RUN_FIELD = /^(trigger|mode|maxConcurrency|noCatchup)(\b|\.|$)/;
const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];
const RBAC_FIELD = /^(rules|aggregationRule|subjects|roleRef)(\b|\[|\.|$)/;

const ARGO_KINDS = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'];
// `...arguments.parameters[name=percent].value`: a workflow argument or input default.
const ARGO_PARAMETER = /parameters\[name=([^\]]+)\]\.(value|default|enum)(\[\d+\])?$/;
const TRAFFIC_WORDS = new Set(['weight', 'weights', 'percent', 'percentage', 'traffic']);

/**
 * Whether a parameter name says it carries a traffic split (`percent`, `canary-weight`,
 * `trafficPercent`, `TRAFFIC_PERCENT`): promotion workflows (KServe canaries patched step by
 * step) pass their weights as Argo parameters, so the weight is only visible through the name.
 */
export function isTrafficParameter(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => TRAFFIC_WORDS.has(w));
}

/** The category a changed field falls in, if any. */
export function categorize(kind: string, path: string): RiskCategory | undefined {
  if (RBAC_KINDS.includes(kind) && RBAC_FIELD.test(path)) return 'RBAC';
  if (SCHEDULE_KINDS.includes(kind) && SCHEDULE_FIELD.test(path)) return 'schedule';
  if (kind === 'RecurringRun' && RECURRING_RUN_FIELD.test(path)) return 'schedule';
  if (TRAFFIC_KINDS.includes(kind) && TRAFFIC_FIELD.test(path)) return 'traffic weight';
  if (ARGO_KINDS.includes(kind)) {
    const m = ARGO_PARAMETER.exec(path);
    if (m && isTrafficParameter(m[1] as string)) return 'traffic weight';
  }
  if (MODEL_FIELD.test(path)) return 'model storage';
  if (IMAGE_FIELD.test(path)) return 'image';
  // An env var whose name says it is a model location (e.g. MODEL_URI) is only visible through its value.
  return undefined;
}

const isStructured = (v: unknown): boolean => v !== null && typeof v === 'object';

/**
 * A change whose old or new value is a whole subtree (a step, a container, a route added or
 * removed) is looked into: its leaves are what carries weights and images.
 */
function expand(c: FieldChange): FieldChange[] {
  const b = 'before' in c && isStructured(c.before) ? leaves(c.before, c.path) : [];
  const a = 'after' in c && isStructured(c.after) ? leaves(c.after, c.path) : [];
  if (b.length === 0 && a.length === 0) return [c];
  const before = new Map(b.map((l) => [l.path, l.value]));
  const after = new Map(a.map((l) => [l.path, l.value]));
  return [...new Set([...before.keys(), ...after.keys()])].flatMap((path) => {
    const x = before.get(path);
    const y = after.get(path);
    if (before.has(path) && after.has(path) && JSON.stringify(x) === JSON.stringify(y)) return [];
    return [{ path, ...(before.has(path) ? { before: x } : {}), ...(after.has(path) ? { after: y } : {}) }];
  });
}

/** The risky changes among an object's field changes. */
export function risksOf(object: TreeObject, changes: readonly FieldChange[], lifecycle?: 'added' | 'removed'): Risk[] {
  const of = (c: FieldChange): RiskCategory | undefined => categorize(object.kind, c.path) ?? envCategory(c);
  // A field that is itself risky (an RBAC rule) is reported whole; otherwise its leaves are looked at.
  const found = changes.flatMap((c) => {
    const category = of(c);
    if (category) return [{ category, c }];
    return expand(c).flatMap((leaf) => {
      const cat = leaf === c ? undefined : of(leaf);
      return cat ? [{ category: cat, c: leaf }] : [];
    });
  });
  return found.map(({ category, c }) => ({
    category,
    object,
    path: c.path,
    ...('before' in c ? { before: c.before } : {}),
    ...('after' in c ? { after: c.after } : {}),
    ...(lifecycle ? { lifecycle } : {}),
  }));
}

/** `env[name=MODEL_URI].value`: the variable's name carries the meaning. */
function envCategory(c: FieldChange): RiskCategory | undefined {
  const m = /env\[name=([^\]]+)\]\.value$/.exec(c.path);
  return m && MODEL_FIELD.test(m[1] as string) ? 'model storage' : undefined;
}
