import { ClientError, errorFor, type RequestTarget } from './errors.ts';
import { resourcePath, type Kube } from './kube.ts';

const WORKFLOWS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows' } as const;
const TEMPLATES = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflowtemplates' } as const;
/** The kubectl resource names the promotion workflow's patch steps take, and their API paths. */
const PATCHED: Readonly<Record<string, { group: string; version: string; resource: string }>> = {
  'inferenceservice.serving.kserve.io': {
    group: 'serving.kserve.io',
    version: 'v1beta1',
    resource: 'inferenceservices',
  },
  'virtualservice.networking.istio.io': { group: 'networking.istio.io', version: 'v1', resource: 'virtualservices' },
};
/** The label every object of a model deployment carries, the promotion runs included. */
export const DEPLOYMENT_LABEL = 'argosy.dev/model-deployment';
/** The label Argo sets on a run submitted from a template (`argo submit --from`, the UI). */
const FROM_TEMPLATE_LABEL = 'workflows.argoproj.io/workflow-template';

/** Where one run of a deployment's promotion workflow (charts/kserve/promotion-workflow.ts) is. */
export interface PromotionSummary {
  readonly workflow: string;
  /** The WorkflowTemplate it runs. */
  readonly template: string;
  /** The run's phase; `Pending` until the workflow controller wrote one. */
  readonly phase: string;
  readonly message?: string;
  /** Not finished yet (it may be stopping: see `shutdown`). */
  readonly running: boolean;
  /** `Stop` or `Terminate` once someone asked the run to end. */
  readonly shutdown?: string;
  /** True when the run found this candidate already decided and skipped its steps. */
  readonly skipped: boolean;
  /** The latest step group the run reached: 0-based index, number of groups, its steps. */
  readonly step?: {
    readonly index: number;
    readonly total?: number;
    readonly steps: readonly { readonly name: string; readonly phase: string }[];
  };
  /** Set while a suspend step holds the run: a manual approval, or a timed wait. */
  readonly waiting?: 'approval' | 'timer';
}

interface NodeJson {
  readonly name: string;
  readonly displayName?: string;
  readonly type?: string;
  readonly phase?: string;
  readonly templateName?: string;
}
interface TemplateJson {
  readonly name: string;
  readonly steps?: readonly (readonly { readonly name: string }[])[];
  readonly suspend?: { readonly duration?: string };
  readonly resource?: {
    readonly action?: string;
    readonly mergeStrategy?: string;
    readonly flags?: readonly string[];
    readonly manifest?: string;
  };
}
interface SpecJson {
  readonly templates?: readonly TemplateJson[];
}
/** The fields of an Argo Workflow the promotion commands read. */
export interface PromotionWorkflowJson {
  readonly metadata: { readonly name: string; readonly creationTimestamp?: string; readonly resourceVersion?: string };
  readonly spec?: {
    readonly workflowTemplateRef?: { readonly name?: string };
    readonly shutdown?: string;
    readonly suspend?: boolean;
  };
  readonly status?: {
    readonly phase?: string;
    readonly message?: string;
    readonly finishedAt?: string | null;
    readonly nodes?: Readonly<Record<string, NodeJson>>;
    readonly compressedNodes?: string;
    readonly offloadNodeStatusVersion?: string;
    readonly storedWorkflowTemplateSpec?: SpecJson;
  };
}

const FINAL = new Set(['Succeeded', 'Failed', 'Error']);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A suspend node the controller is holding: what `argo resume` marks Succeeded. */
const activeSuspend = (n: NodeJson): boolean =>
  n.type === 'Suspend' && (n.phase === 'Running' || n.phase === 'Pending');

/**
 * A run is over when the controller wrote a final phase (or a finish time).
 *
 * @example
 * ```ts
 * if (runIsOver(wf)) console.log(`${wf.metadata.name}: ${wf.status?.phase}`);
 * ```
 */
export const runIsOver = (wf: PromotionWorkflowJson): boolean =>
  FINAL.has(wf.status?.phase ?? '') || Boolean(wf.status?.finishedAt);

/**
 * Reads where a promotion run is from its node tree. The steps of the rollout are the groups of
 * its `run` template, so a step's node is named `<run>[1].run[<group>].<step>`; `spec` (the
 * stored or applied template) gives the number of groups and tells approvals from timed waits.
 *
 * @example
 * ```ts
 * summarizePromotion(workflow, template.spec).step; // { index: 4, total: 10, steps: [{ name: 'approve-1', phase: 'Running' }] }
 * ```
 */
export function summarizePromotion(wf: PromotionWorkflowJson, spec: SpecJson | undefined): PromotionSummary {
  const name = wf.metadata.name;
  const nodes = Object.values(wf.status?.nodes ?? {});
  const stepName = new RegExp(`^${escape(name)}\\[\\d+\\]\\.run\\[(\\d+)\\]\\.([^.]+)$`);
  const runNode = new RegExp(`^${escape(name)}\\[\\d+\\]\\.run$`);
  let index = -1;
  const byGroup = new Map<number, { name: string; phase: string }[]>();
  for (const n of nodes) {
    const m = stepName.exec(n.name);
    if (!m) continue;
    const g = Number(m[1]);
    index = Math.max(index, g);
    byGroup.set(g, [...(byGroup.get(g) ?? []), { name: n.displayName ?? m[2] ?? '', phase: n.phase ?? 'Pending' }]);
  }
  const total = spec?.templates?.find((t) => t.name === 'run')?.steps?.length;
  const held = nodes.find((n) => activeSuspend(n) && !n.name.startsWith(`${name}.onExit`));
  const heldBy = held && spec?.templates?.find((t) => t.name === held.templateName);
  const shutdown = wf.spec?.shutdown;
  return {
    workflow: name,
    template: wf.spec?.workflowTemplateRef?.name ?? '',
    phase: wf.status?.phase || 'Pending',
    ...(wf.status?.message ? { message: wf.status.message } : {}),
    running: !runIsOver(wf),
    ...(shutdown ? { shutdown } : {}),
    skipped: nodes.some((n) => runNode.test(n.name) && (n.phase === 'Skipped' || n.type === 'Skipped')),
    ...(index >= 0
      ? {
          step: {
            index,
            ...(total !== undefined ? { total } : {}),
            steps: (byGroup.get(index) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
          },
        }
      : {}),
    ...(held ? { waiting: heldBy && heldBy.suspend?.duration ? ('timer' as const) : ('approval' as const) } : {}),
  };
}

/** The promotion runs of one deployment, newest first, with the template specs they run. */
export interface PromotionRuns {
  readonly templates: ReadonlyMap<string, SpecJson>;
  readonly runs: readonly PromotionWorkflowJson[];
}

const listTarget = (resource: string, namespace: string): RequestTarget => ({
  verb: 'list',
  group: 'argoproj.io',
  resource,
  namespace,
});

/**
 * Finds a deployment's promotion runs: its WorkflowTemplates by the deployment label, then the
 * Workflows that reference one of them, whether the PostSync trigger submitted them (they carry
 * the deployment label) or someone ran `argo submit --from` (Argo labels those with the template).
 *
 * @example
 * ```ts
 * const { runs } = await promotionRuns(kube, 'churn', 'ml-prod'); // newest first
 * ```
 */
export async function promotionRuns(kube: Kube, deployment: string, namespace: string): Promise<PromotionRuns> {
  const selector = (s: string): string => `?${new URLSearchParams({ labelSelector: s })}`;
  const tpl = await kube.request<{ items: { metadata: { name: string }; spec?: SpecJson }[] }>(
    'GET',
    `${resourcePath(TEMPLATES, namespace)}${selector(`${DEPLOYMENT_LABEL}=${deployment}`)}`,
    listTarget(TEMPLATES.resource, namespace),
  );
  const templates = new Map(tpl.items.map((t) => [t.metadata.name, t.spec ?? {}] as const));
  if (templates.size === 0) return { templates, runs: [] };
  const selectors = [
    `${DEPLOYMENT_LABEL}=${deployment}`,
    `${FROM_TEMPLATE_LABEL} in (${[...templates.keys()].join(',')})`,
  ];
  const found = new Map<string, PromotionWorkflowJson>();
  for (const s of selectors) {
    const page = await kube.request<{ items: PromotionWorkflowJson[] }>(
      'GET',
      `${resourcePath(WORKFLOWS, namespace)}${selector(s)}`,
      listTarget(WORKFLOWS.resource, namespace),
    );
    for (const wf of page.items)
      if (templates.has(wf.spec?.workflowTemplateRef?.name ?? '')) found.set(wf.metadata.name, wf);
  }
  const runs = [...found.values()].sort(
    (a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      b.metadata.name.localeCompare(a.metadata.name),
  );
  return { templates, runs };
}

/**
 * The run `status` shows: the one in progress (the mutex allows one), else the latest.
 *
 * @example
 * ```ts
 * const wf = currentRun(await promotionRuns(kube, 'churn', 'ml-prod'));
 * ```
 */
export function currentRun(p: PromotionRuns): PromotionWorkflowJson | undefined {
  return p.runs.find((r) => !runIsOver(r)) ?? p.runs[0];
}

/**
 * The template spec a run executes: the copy the controller stored at its start, else the applied one.
 *
 * @example
 * ```ts
 * const spec = specOf(runs, wf); // spec?.templates lists run, rollback, approve ...
 * ```
 */
export function specOf(p: PromotionRuns, wf: PromotionWorkflowJson): SpecJson | undefined {
  return wf.status?.storedWorkflowTemplateSpec ?? p.templates.get(wf.spec?.workflowTemplateRef?.name ?? '');
}

/**
 * The run in progress, or a ClientError saying there is none and how one starts.
 *
 * @example
 * ```ts
 * const wf = runInProgress(runs, 'churn', 'ml-prod', 'promote'); // throws ClientError 'no-promotion'
 * ```
 */
export function runInProgress(
  p: PromotionRuns,
  deployment: string,
  namespace: string,
  verb: string,
): PromotionWorkflowJson {
  const wf = p.runs.find((r) => !runIsOver(r) && !r.spec?.shutdown);
  if (wf) return wf;
  const last = p.runs[0];
  const template = [...p.templates.keys()][0];
  throw new ClientError(
    template
      ? `deployment "${deployment}": no promotion run in progress in namespace "${namespace}" to ${verb} (got ${last ? `${last.metadata.name}: ${last.spec?.shutdown && !runIsOver(last) ? `stopping (${last.spec.shutdown})` : last.status?.phase || 'Pending'}` : `no run of workflowtemplate/${template}`}). A run starts after each Argo CD sync; start one by hand with argo submit --from workflowtemplate/${template} -n ${namespace}`
      : `deployment "${deployment}": no promotion WorkflowTemplate labelled ${DEPLOYMENT_LABEL}=${deployment} in namespace "${namespace}" (got none). Apply the deployment's objects first (argosy apply), or check --namespace / --env`,
    'no-promotion',
  );
}

const nodesReadable = (wf: PromotionWorkflowJson, verb: string): void => {
  if (wf.status?.compressedNodes || wf.status?.offloadNodeStatusVersion)
    throw new ClientError(
      `promotion run "${wf.metadata.name}": its node status is ${wf.status.offloadNodeStatusVersion ? "offloaded to the workflow controller's database" : 'compressed'} (got status.${wf.status.offloadNodeStatusVersion ? 'offloadNodeStatusVersion' : 'compressedNodes'}). ${verb} it with argo ${verb.toLowerCase()} ${wf.metadata.name}, which reads it through the Argo Server`,
      'unsupported',
    );
};

/**
 * `argo resume` for one run: each suspend node the controller holds is marked Succeeded with a
 * finish time and a message, as Argo's ResumeWorkflow does, in one merge patch carrying the
 * resourceVersion read (a concurrent controller write makes it a 409 and the caller reads again).
 * Returns the suspend steps it resumed.
 *
 * @example
 * ```ts
 * await resumeRun(kube, wf, 'ml-prod'); // ['approve-1']
 * ```
 */
export async function resumeRun(kube: Kube, wf: PromotionWorkflowJson, namespace: string): Promise<string[]> {
  nodesReadable(wf, 'Resume');
  const held = Object.entries(wf.status?.nodes ?? {}).filter(
    ([, n]) => activeSuspend(n) && !n.name.startsWith(`${wf.metadata.name}.onExit`),
  );
  if (held.length === 0 && !wf.spec?.suspend) return [];
  const finishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const nodes = Object.fromEntries(
    held.map(([id]) => [id, { phase: 'Succeeded', finishedAt, message: 'Resumed by argosy promote' }]),
  );
  const name = wf.metadata.name;
  await kube.request(
    'PATCH',
    resourcePath(WORKFLOWS, namespace, name),
    { verb: 'patch', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace, name },
    {
      metadata: { resourceVersion: wf.metadata.resourceVersion },
      // `argo suspend` holds the whole run through spec.suspend; `argo resume` clears it too.
      ...(wf.spec?.suspend ? { spec: { suspend: null } } : {}),
      ...(held.length ? { status: { nodes } } : {}),
    },
    'application/merge-patch+json',
  );
  return held.length ? held.map(([, n]) => n.displayName ?? n.name).sort() : ['the suspended run'];
}

/**
 * `argo stop`: the controller ends the running steps and runs the exit handler (the rollback).
 *
 * @example
 * ```ts
 * await stopRun(kube, wf, 'ml-prod'); // spec.shutdown: Stop
 * ```
 */
export async function stopRun(kube: Kube, wf: PromotionWorkflowJson, namespace: string): Promise<void> {
  const name = wf.metadata.name;
  await kube.request(
    'PATCH',
    resourcePath(WORKFLOWS, namespace, name),
    { verb: 'patch', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace, name },
    { spec: { shutdown: 'Stop' } },
    'application/merge-patch+json',
  );
}

/** What applying the run's own rollback step did. */
export type RollbackOutcome =
  | { readonly applied: true; readonly object: string }
  | { readonly applied: false; readonly object?: string; readonly why: string };

/**
 * Applies the run's `rollback` step (the JSON patch its exit handler applies) right away, so
 * traffic leaves the candidate without waiting for the controller to wind the run down; the
 * exit handler applies the same patch again, which changes nothing. Its `test` operation makes
 * it a no-op (a 422 from the server) when the object no longer lists the run's candidate.
 *
 * @example
 * ```ts
 * const r = await applyRollback(kube, specOf(runs, wf), 'ml-prod');
 * if (!r.applied) console.log(r.why);
 * ```
 */
export async function applyRollback(
  kube: Kube,
  spec: SpecJson | undefined,
  namespace: string,
): Promise<RollbackOutcome> {
  const step = spec?.templates?.find((t) => t.name === 'rollback')?.resource;
  const [kind, objectName] = step?.flags ?? [];
  const target = kind ? PATCHED[kind] : undefined;
  if (!step || step.action !== 'patch' || step.mergeStrategy !== 'json' || !target || !objectName || !step.manifest)
    return { applied: false, why: 'the run has no rollback step Argosy knows; its exit handler rolls back' };
  if (step.manifest.includes('{{'))
    return { applied: false, why: 'the rollback step takes parameters; its exit handler rolls back' };
  const object = `${kind} ${objectName}`;
  const path = resourcePath(target, namespace, objectName);
  const ops = JSON.parse(step.manifest) as { op: string; path: string; value?: unknown }[];
  const res = await kube.raw('PATCH', path, ops, 'application/json-patch+json');
  if (res.status >= 200 && res.status < 300) return { applied: true, object };
  const refused = errorFor(res, { verb: 'patch', ...target, namespace, name: objectName }, kube.server);
  // The server's 422 does not say which operation failed: read the object and check the tests.
  if (res.status !== 422) throw refused;
  const live = await kube.raw('GET', path);
  if (live.status === 200 && ops.some((o) => o.op === 'test' && !sameJson(pointer(live.body, o.path), o.value)))
    return { applied: false, object, why: `${object} no longer lists the run's candidate: nothing to roll back` };
  throw refused;
}

/** The value at an RFC 6901 JSON pointer, undefined when the path is absent. */
function pointer(doc: unknown, path: string): unknown {
  let at: unknown = doc;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
