import { DslError, seg } from '../../dsl/errors.ts';
import { argoBefore, NEWEST_PLATFORM, type PlatformIR } from '../../dsl/ir/platform.ts';
import { goDurationSeconds } from '../go-duration.ts';
import type { RenderedObject } from '../target.ts';
import { adaptKServe } from './kserve.ts';
import { adaptRollouts } from './rollouts.ts';

const ARGO_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);
const ISTIO_NETWORKING_V1 = 'networking.istio.io/v1';
/** Before Istio 1.22 the networking kinds Argosy writes are served as v1beta1 (v1 does not exist). */
const ISTIO_NETWORKING_OLD = 'networking.istio.io/v1beta1';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One rendered object in the forms the project's platform versions understand. Argosy renders for
 * the newest releases; for older ones a list form becomes the singular form it replaced, and a
 * feature the release cannot express is a DslError naming the feature and the minimum version.
 * The object is not changed in place.
 *
 * @example
 * ```ts
 * adaptToPlatform(cronWorkflow, { argoWorkflows: '3.5', istio: '1.22+' }, ['environment "prod"', 'app "a"']);
 * // spec.schedules: ['0 2 * * *'] becomes spec.schedule: '0 2 * * *'
 * ```
 */
export function adaptToPlatform(obj: RenderedObject, platform: PlatformIR, path: readonly string[]): RenderedObject {
  const fields = Object.keys(NEWEST_PLATFORM) as (keyof PlatformIR)[];
  if (fields.every((f) => platform[f] === NEWEST_PLATFORM[f])) return obj;
  const where = [...path, seg(obj.kind, obj.metadata.name ?? '')];
  let out: RenderedObject = obj;
  if (obj.apiVersion === 'argoproj.io/v1alpha1' && ARGO_KINDS.has(obj.kind)) out = adaptArgo(out, platform, where);
  out = adaptKServe(out, platform.kserve, where);
  out = adaptRollouts(out, platform.argoRollouts, where);
  if (platform.istio === '1.21') out = adaptIstio(out);
  return out;
}

function adaptArgo(obj: RenderedObject, platform: PlatformIR, where: readonly string[]): RenderedObject {
  const version = platform.argoWorkflows;
  const spec = isObject(obj.spec) ? obj.spec : undefined;
  if (!spec) return obj;
  if (obj.kind !== 'CronWorkflow') return { ...obj, spec: adaptWorkflowSpec(spec, version, [...where, 'spec']) };
  let cron: Json = { ...spec };
  if (argoBefore(version, '3.6')) {
    for (const field of ['stopStrategy', 'when'])
      if (cron[field] !== undefined) throw tooOld(`CronWorkflow ${field}`, '3.6', version, [...where, `spec.${field}`]);
    const schedules = cron.schedules;
    if (Array.isArray(schedules)) {
      if (schedules.length !== 1)
        throw new DslError({
          path: [...where, 'spec.schedules'],
          problem: `Argo Workflows ${version} takes one cron expression per CronWorkflow (a list of schedules needs Argo Workflows 3.6 or later)`,
          got: schedules,
          fix: 'Split the schedule into one schedule() per cron expression, or target argoWorkflows 3.6 or later',
        });
      const { schedules: _list, ...rest } = cron;
      cron = { schedule: schedules[0], ...rest };
    }
  }
  if (argoBefore(version, '3.7') && isObject(cron.workflowMetadata) && isObject(cron.workflowSpec)) {
    // The 3.5/3.6 CRDs close CronWorkflow spec.workflowMetadata (the API server would prune its
    // labels); the workflow spec's own workflowMetadata puts the same labels on every run.
    const { workflowMetadata, ...rest } = cron;
    const spec = cron.workflowSpec;
    const own = isObject(spec.workflowMetadata) ? spec.workflowMetadata : {};
    cron = { ...rest, workflowSpec: { ...spec, workflowMetadata: mergeMetadata(workflowMetadata, own) } };
  }
  if (isObject(cron.workflowSpec))
    cron = { ...cron, workflowSpec: adaptWorkflowSpec(cron.workflowSpec, version, [...where, 'spec.workflowSpec']) };
  return { ...obj, spec: cron };
}

function mergeMetadata(a: Json, b: Json): Json {
  const out: Json = { ...a, ...b };
  for (const field of ['labels', 'annotations'])
    if (isObject(a[field]) || isObject(b[field])) out[field] = { ...(a[field] as Json), ...(b[field] as Json) };
  return out;
}

/** A workflow spec with its own and every template's fields in the release's form. */
function adaptWorkflowSpec(spec: Json, version: PlatformIR['argoWorkflows'], where: readonly string[]): Json {
  let out: Json = spec;
  if (isObject(spec.arguments)) out = { ...out, arguments: withoutDescriptions(spec.arguments, version) };
  if (Array.isArray(spec.templates))
    out = {
      ...out,
      templates: spec.templates.map((t: unknown, i) =>
        isObject(t) ? adaptTemplate(t, version, [...where, `templates[${i}]`]) : t,
      ),
    };
  if (isObject(spec.synchronization))
    out = { ...out, synchronization: adaptSync(spec.synchronization, version, [...where, 'synchronization']) };
  return out;
}

/** Parameter descriptions arrived in Argo Workflows 4.0: older releases only document them here. */
function withoutDescriptions(holder: Json, version: PlatformIR['argoWorkflows']): Json {
  if (!argoBefore(version, '4.1') || !Array.isArray(holder.parameters)) return holder;
  return {
    ...holder,
    parameters: holder.parameters.map((p: unknown) => {
      if (!isObject(p)) return p;
      const { description: _description, ...rest } = p;
      return rest;
    }),
  };
}

function adaptTemplate(t: Json, version: PlatformIR['argoWorkflows'], where: readonly string[]): Json {
  let out: Json = t;
  if (isObject(t.synchronization))
    out = { ...out, synchronization: adaptSync(t.synchronization, version, [...where, 'synchronization']) };
  if (isObject(t.inputs)) out = { ...out, inputs: withoutDescriptions(t.inputs, version) };
  if (argoBefore(version, '4.1') && isObject(t.memoize) && isObject(t.memoize.cache)) {
    const cache = t.memoize.cache;
    // Before 4.0 the CRD requires the ConfigMap selector's key, which the controller ignores (it
    // keys cache entries by memoize.key): name it after the ConfigMap.
    if (isObject(cache.configMap) && cache.configMap.key === undefined)
      out = {
        ...out,
        memoize: { ...t.memoize, cache: { ...cache, configMap: { ...cache.configMap, key: cache.configMap.name } } },
      };
  }
  if (argoBefore(version, '3.7')) {
    if (isObject(t.retryStrategy) && isObject(t.retryStrategy.backoff) && t.retryStrategy.backoff.cap !== undefined)
      out = { ...out, retryStrategy: withoutCap(t.retryStrategy, version, [...where, 'retryStrategy.backoff.cap']) };
    if (isObject(t.dag) && Array.isArray(t.dag.tasks))
      out = { ...out, dag: { ...t.dag, tasks: t.dag.tasks.map(itemsAsParam) } };
    if (Array.isArray(t.steps))
      out = {
        ...out,
        steps: t.steps.map((group: unknown) => (Array.isArray(group) ? group.map(itemsAsParam) : group)),
      };
  }
  return out;
}

/**
 * The 3.5/3.6 CRDs type each `withItems` entry as an object; a list of plain values goes in
 * `withParam` as its JSON text instead, which the controller expands the same way.
 */
function itemsAsParam(task: unknown): unknown {
  if (!isObject(task) || !Array.isArray(task.withItems) || task.withItems.every(isObject)) return task;
  const { withItems, ...rest } = task;
  return { ...rest, withParam: JSON.stringify(withItems) };
}

/**
 * `backoff.cap` (the longest single wait) arrived in Argo Workflows 3.7. Dropping it changes
 * nothing when no retry could wait longer than the cap anyway; otherwise it is an error.
 */
function withoutCap(retry: Json, version: PlatformIR['argoWorkflows'], where: readonly string[]): Json {
  const { cap, ...backoff } = retry.backoff as Json;
  const limit = Number(retry.limit ?? 0);
  const factor = Number(backoff.factor ?? 1);
  const seconds = (v: unknown): number =>
    typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : goDurationSeconds(String(v));
  const longest = seconds(backoff.duration ?? 0) * Math.pow(factor, Math.max(0, limit - 1));
  if (!Number.isFinite(longest) || longest > seconds(cap))
    throw tooOld(`a backoff cap that shortens a wait (${longest}s uncapped)`, '3.7', version, where);
  return { ...retry, backoff };
}

/**
 * Synchronization for an older release: database-backed locks need 3.7, and before 3.6 there is
 * one `mutex` and one `semaphore` (the lists `mutexes`/`semaphores` arrived in 3.6).
 */
function adaptSync(sync: Json, version: PlatformIR['argoWorkflows'], where: readonly string[]): Json {
  const lists = [
    ['mutexes', 'mutex'],
    ['semaphores', 'semaphore'],
  ] as const;
  if (argoBefore(version, '3.7'))
    for (const [list, single] of lists)
      for (const [i, lock] of (Array.isArray(sync[list]) ? sync[list] : []).entries())
        if (isObject(lock) && lock.database !== undefined)
          throw tooOld(`a database-backed ${single}`, '3.7', version, [...where, `${list}[${i}].database`]);
  if (!argoBefore(version, '3.6')) return sync;
  let out: Json = { ...sync };
  for (const [list, single] of lists) {
    const locks = out[list];
    if (!Array.isArray(locks)) continue;
    if (locks.length > 1)
      throw new DslError({
        path: [...where, list],
        problem: `Argo Workflows ${version} holds one ${single} per workflow or template (more need Argo Workflows 3.6 or later)`,
        got: locks.length,
        fix: `Keep one ${single}, or target argoWorkflows 3.6 or later`,
      });
    const { [list]: _list, ...rest } = out;
    out = locks.length === 1 ? { ...rest, [single]: locks[0] } : rest;
  }
  return out;
}

function tooOld(feature: string, minimum: string, version: string, path: readonly string[]): DslError {
  return new DslError({
    path,
    problem: `${feature} needs Argo Workflows ${minimum} or later`,
    got: version,
    fix: `Remove it, or target argoWorkflows ${minimum} or later in project(..., { platform })`,
  });
}

/**
 * Istio before 1.22 serves networking kinds as v1beta1 only: the object's own apiVersion, and
 * the manifests Argo resource templates apply or patch, are rewritten.
 */
function adaptIstio(obj: RenderedObject): RenderedObject {
  const out: RenderedObject =
    obj.apiVersion === ISTIO_NETWORKING_V1 ? { ...obj, apiVersion: ISTIO_NETWORKING_OLD } : obj;
  return rewriteManifests(out) as RenderedObject;
}

/** Every `resource.manifest` text below `value` with the Istio networking v1 apiVersion replaced. */
function rewriteManifests(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteManifests);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === 'manifest' && typeof v === 'string'
        ? v.replace(/^(\s*apiVersion:\s*)networking\.istio\.io\/v1[ \t]*$/gm, `$1${ISTIO_NETWORKING_OLD}`)
        : rewriteManifests(v);
  }
  return out;
}
