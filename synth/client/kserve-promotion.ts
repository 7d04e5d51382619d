import { ClientError, type RequestTarget } from './errors.ts';
import { resourcePath, type Kube } from './kube.ts';

export const WORKFLOWS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows' } as const;
const TEMPLATES = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflowtemplates' } as const;
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

export interface NodeJson {
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
export interface SpecJson {
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
export const activeSuspend = (n: NodeJson): boolean =>
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
