import { ClientError, type RequestTarget } from './errors.ts';
import { resourcePath, type Kube } from './kube.ts';
import { ISVC, kserveDeployments, type InferenceServiceSummary } from './kserve-deployment.ts';

export type { InferenceServiceSummary } from './kserve-deployment.ts';
export type { PromotionSummary } from './kserve-promotion.ts';

const ROLLOUTS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts' } as const;
const ANALYSIS_RUNS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'analysisruns' } as const;

/** One analysis run of a Rollout and the last measurement of each of its metrics. */
export interface AnalysisSummary {
  readonly name: string;
  readonly phase: string;
  readonly metrics: readonly {
    readonly name: string;
    readonly phase: string;
    readonly measurements: number;
    readonly lastValue?: string;
  }[];
}

/** The live state of a model deployment served by an Argo Rollout. */
export interface RolloutSummary {
  readonly kind: 'Rollout';
  readonly name: string;
  readonly namespace: string;
  /** `Healthy`, `Progressing`, `Paused`, `Degraded` (the controller's), or `Unknown` before it wrote one. */
  readonly phase: string;
  readonly message?: string;
  readonly strategy: 'canary' | 'blueGreen' | 'unknown';
  /** Index of the current canary step and the number of steps. */
  readonly step?: { readonly index: number; readonly total: number; readonly description: string };
  readonly weights?: { readonly canary: number; readonly stable: number };
  readonly paused: boolean;
  readonly pauseReasons: readonly string[];
  readonly aborted: boolean;
  readonly analysisRuns: readonly AnalysisSummary[];
}

export type DeploymentSummary = RolloutSummary | InferenceServiceSummary;

/**
 * `client.deployments`: what `kubectl argo rollouts get/promote/abort` do, by deployment name,
 * for a Rollout; for a KServe InferenceService the same verbs act on its promotion workflow.
 */
export interface DeploymentsApi {
  /** The Rollout's, or the InferenceService's and its promotion run's, live state. */
  status(name: string, namespace?: string): Promise<DeploymentSummary>;
  /**
   * Rollout: promotes a paused Rollout to its next step (`full`: to the end, skipping steps and
   * analysis). InferenceService: resumes the promotion run held at an approval or timed wait
   * (`argo resume`); a run busy in another step is an error (`not-paused`), and so is `full`.
   */
  promote(name: string, opts?: { readonly namespace?: string; readonly full?: boolean }): Promise<DeploymentSummary>;
  /**
   * Rollout: aborts the update, traffic goes back to the stable version. InferenceService: stops
   * the promotion run (`argo stop`, whose exit handler rolls back) and applies the run's own
   * rollback patch at once.
   */
  abort(name: string, namespace?: string): Promise<DeploymentSummary>;
}

interface RolloutJson {
  metadata: { name: string; namespace?: string; uid?: string };
  spec?: {
    paused?: boolean;
    strategy?: { canary?: { steps?: Record<string, unknown>[] }; blueGreen?: Record<string, unknown> };
  };
  status?: {
    phase?: string;
    message?: string;
    currentStepIndex?: number;
    pauseConditions?: { reason?: string }[];
    abort?: boolean;
    currentPodHash?: string;
    stableRS?: string;
    canary?: { weights?: { canary?: { weight?: number }; stable?: { weight?: number } } };
  };
}

interface AnalysisRunJson {
  metadata: { name: string; ownerReferences?: { kind?: string; name?: string }[] };
  status?: {
    phase?: string;
    metricResults?: { name: string; phase?: string; measurements?: { value?: string }[] }[];
  };
}

const describeStep = (step: Record<string, unknown> | undefined): string => {
  if (!step) return 'done';
  const [key, value] = Object.entries(step)[0] ?? ['?', undefined];
  if (key === 'setWeight') return `setWeight ${String(value)}`;
  if (key === 'pause') {
    const d = (value as { duration?: string } | undefined)?.duration;
    return d ? `pause ${d}` : 'pause (until promoted)';
  }
  if (key === 'analysis') {
    const t = (value as { templates?: { templateName?: string }[] } | undefined)?.templates ?? [];
    return `analysis ${t.map((x) => x.templateName).join(', ')}`;
  }
  return key;
};

/** The weight the steps set so far (what the controller routes when it has not written weights yet). */
function stepWeight(steps: readonly Record<string, unknown>[], index: number): number {
  let w = 0;
  for (const s of steps.slice(0, index)) if (typeof s.setWeight === 'number') w = s.setWeight;
  return w;
}

/** Reads a Rollout and its AnalysisRuns into a {@link RolloutSummary}. */
export function summarizeRollout(ro: RolloutJson, analysisRuns: readonly AnalysisRunJson[]): RolloutSummary {
  const st = ro.status ?? {};
  const steps = ro.spec?.strategy?.canary?.steps ?? [];
  const strategy = ro.spec?.strategy?.canary ? 'canary' : ro.spec?.strategy?.blueGreen ? 'blueGreen' : 'unknown';
  const index = st.currentStepIndex ?? 0;
  const canaryWeight =
    st.canary?.weights?.canary?.weight ?? (strategy === 'canary' ? stepWeight(steps, index) : undefined);
  return {
    kind: 'Rollout',
    name: ro.metadata.name,
    namespace: ro.metadata.namespace ?? '',
    phase: st.phase ?? 'Unknown',
    ...(st.message ? { message: st.message } : {}),
    strategy,
    ...(strategy === 'canary' && steps.length > 0
      ? { step: { index, total: steps.length, description: describeStep(steps[index]) } }
      : {}),
    ...(canaryWeight !== undefined
      ? { weights: { canary: canaryWeight, stable: st.canary?.weights?.stable?.weight ?? 100 - canaryWeight } }
      : {}),
    paused: Boolean(ro.spec?.paused) || (st.pauseConditions ?? []).length > 0,
    pauseReasons: (st.pauseConditions ?? []).map((p) => p.reason ?? 'Paused'),
    aborted: Boolean(st.abort),
    analysisRuns: analysisRuns
      .filter((a) =>
        (a.metadata.ownerReferences ?? []).some((o) => o.kind === 'Rollout' && o.name === ro.metadata.name),
      )
      .map((a) => ({
        name: a.metadata.name,
        phase: a.status?.phase ?? 'Pending',
        metrics: (a.status?.metricResults ?? []).map((m) => {
          const last = m.measurements?.[m.measurements.length - 1]?.value;
          return {
            name: m.name,
            phase: m.phase ?? 'Pending',
            measurements: m.measurements?.length ?? 0,
            ...(last !== undefined ? { lastValue: last } : {}),
          };
        }),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * The merge patches of `kubectl argo rollouts promote`: unpause the spec, and on the status
 * subresource clear the pause conditions, or (a canary mid-step, e.g. in an analysis) move to
 * the next step; `full` asks the controller to go to the end.
 */
export function promotePatches(ro: RolloutJson, full: boolean): { spec?: object; status?: object } {
  if (full)
    return ro.status?.currentPodHash !== ro.status?.stableRS ? { status: { status: { promoteFull: true } } } : {};
  const spec = ro.spec?.paused ? { spec: { paused: false } } : undefined;
  const steps = ro.spec?.strategy?.canary?.steps;
  let status: object | undefined;
  if ((ro.status?.pauseConditions ?? []).length > 0) status = { status: { pauseConditions: null } };
  else if (steps && steps.length > 0) {
    const index = Math.min((ro.status?.currentStepIndex ?? 0) + 1, steps.length);
    status = { status: { pauseConditions: null, currentStepIndex: index } };
  }
  return { ...(spec ? { spec } : {}), ...(status ? { status } : {}) };
}

/**
 * The deployments API of a client.
 *
 * @example
 * ```ts
 * const s = await client.deployments.status('product-ranker');
 * if (s.kind === 'Rollout' && s.paused) await client.deployments.promote('product-ranker');
 * ```
 */
export function deploymentsApi(kube: Kube, defaultNamespace: string): DeploymentsApi {
  const target = (
    verb: string,
    namespace: string,
    name: string,
    resource: string = ROLLOUTS.resource,
  ): RequestTarget => ({
    verb,
    group: resource === ISVC.resource ? ISVC.group : ROLLOUTS.group,
    resource,
    namespace,
    name,
  });
  const rolloutSummary = async (ro: RolloutJson, namespace: string): Promise<RolloutSummary> => {
    const runs = await kube.request<{ items: AnalysisRunJson[] }>('GET', resourcePath(ANALYSIS_RUNS, namespace), {
      verb: 'list',
      group: ANALYSIS_RUNS.group,
      resource: ANALYSIS_RUNS.resource,
      namespace,
    });
    return summarizeRollout({ ...ro, metadata: { ...ro.metadata, namespace } }, runs.items);
  };
  const getRollout = async (name: string, namespace: string): Promise<RolloutJson | undefined> => {
    const res = await kube.raw('GET', resourcePath(ROLLOUTS, namespace, name));
    if (res.status === 404) return undefined;
    // A KServe-only user may have no right on rollouts: an InferenceService of that name it can
    // read answers for the deployment instead of the Rollout's 403.
    if (res.status === 403) {
      const isvc = await kube.raw('GET', resourcePath(ISVC, namespace, name));
      if (isvc.status >= 200 && isvc.status <= 299) return undefined;
    }
    if (res.status < 200 || res.status > 299)
      return kube.request<RolloutJson>('GET', resourcePath(ROLLOUTS, namespace, name), target('get', namespace, name));
    return res.body as RolloutJson;
  };
  const kserve = kserveDeployments(kube);
  /** The InferenceService of that name, or a not-found error naming both kinds looked for. */
  const getIsvc = async (name: string, namespace: string): Promise<Parameters<typeof kserve.status>[2]> => {
    const res = await kube.raw('GET', resourcePath(ISVC, namespace, name));
    if (res.status === 404)
      throw new ClientError(
        `deployment "${name}": no Rollout or InferenceService of that name in namespace "${namespace}" on ${kube.server} (got 404 NotFound). Check the name, or pass --namespace / --env`,
        'not-found',
        404,
      );
    return kube.request('GET', resourcePath(ISVC, namespace, name), target('get', namespace, name, ISVC.resource));
  };
  return {
    async status(name, namespace = defaultNamespace) {
      const ro = await getRollout(name, namespace);
      if (ro) return rolloutSummary(ro, namespace);
      return kserve.status(name, namespace, await getIsvc(name, namespace));
    },
    async promote(name, opts = {}) {
      const namespace = opts.namespace ?? defaultNamespace;
      const ro = await getRollout(name, namespace);
      if (!ro) {
        const isvc = await getIsvc(name, namespace);
        if (opts.full)
          throw new ClientError(
            `deployment "${name}": --full is for Rollouts (got an InferenceService, whose promotion run decides each step). Promote it step by step, or argosy abort ${name} to roll back`,
            'usage',
          );
        return kserve.promote(name, namespace, isvc);
      }
      const patches = promotePatches(ro, Boolean(opts.full));
      const merge = 'application/merge-patch+json';
      let after = ro;
      if (patches.status)
        after = await kube.request<RolloutJson>(
          'PATCH',
          resourcePath(ROLLOUTS, namespace, name, 'status'),
          target('patch', namespace, name, 'rollouts/status'),
          patches.status,
          merge,
        );
      if (patches.spec)
        after = await kube.request<RolloutJson>(
          'PATCH',
          resourcePath(ROLLOUTS, namespace, name),
          target('patch', namespace, name),
          patches.spec,
          merge,
        );
      return rolloutSummary(after, namespace);
    },
    async abort(name, namespace = defaultNamespace) {
      if (!(await getRollout(name, namespace))) return kserve.abort(name, namespace, await getIsvc(name, namespace));
      const after = await kube.request<RolloutJson>(
        'PATCH',
        resourcePath(ROLLOUTS, namespace, name, 'status'),
        target('patch', namespace, name, 'rollouts/status'),
        { status: { abort: true } },
        'application/merge-patch+json',
      );
      return rolloutSummary(after, namespace);
    },
  };
}
