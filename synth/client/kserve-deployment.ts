import { ClientError } from './errors.ts';
import { resourcePath, type Kube } from './kube.ts';
import {
  currentRun,
  DEPLOYMENT_LABEL,
  promotionRuns,
  runInProgress,
  specOf,
  summarizePromotion,
  type PromotionRuns,
  type PromotionSummary,
} from './kserve-promotion.ts';
import { applyRollback, resumeRun, stopRun } from './kserve-promotion-actions.ts';

export const ISVC = { group: 'serving.kserve.io', version: 'v1beta1', resource: 'inferenceservices' } as const;

/** The live state of a model deployment served by a KServe InferenceService. */
export interface InferenceServiceSummary {
  readonly kind: 'InferenceService';
  readonly name: string;
  readonly namespace: string;
  /** The Ready condition: `True`, `False` or `Unknown`. */
  readonly ready: string;
  readonly reason?: string;
  readonly url?: string;
  /**
   * The canary's share of traffic: `spec.predictor.canaryTrafficPercent` (Knative mode) or
   * `spec.canary[0].trafficPercent` (Standard mode), when a canary is set.
   */
  readonly canaryTrafficPercent?: number;
  /** The canary predictor's name (Standard mode's `spec.canary[0].predictor.name`). */
  readonly canaryName?: string;
  readonly traffic: readonly { readonly revision: string; readonly percent: number; readonly latest: boolean }[];
  /** The promotion run in progress, else the latest one; absent when the deployment has none. */
  readonly promotion?: PromotionSummary;
  /** Why `promotion` could not be read (e.g. a 403 on workflows), when it could not. */
  readonly promotionError?: string;
  /** What `promote` / `abort` just did, in a sentence. */
  readonly done?: string;
}

interface IsvcJson {
  metadata?: { labels?: Record<string, string> };
  spec?: {
    predictor?: { canaryTrafficPercent?: number };
    canary?: { trafficPercent?: number; predictor?: { name?: string } }[];
  };
  status?: {
    url?: string;
    conditions?: { type?: string; status?: string; reason?: string }[];
    components?: {
      predictor?: { traffic?: { revisionName?: string; percent?: number; latestRevision?: boolean }[] };
    };
  };
}

/** Reads an InferenceService (and its promotion run, when given) into an {@link InferenceServiceSummary}. */
export function summarizeInferenceService(
  isvc: IsvcJson,
  name: string,
  namespace: string,
  promotion?: PromotionSummary,
): InferenceServiceSummary {
  const ready = isvc.status?.conditions?.find((c) => c.type === 'Ready');
  const canary = isvc.spec?.canary?.[0];
  const percent = isvc.spec?.predictor?.canaryTrafficPercent ?? canary?.trafficPercent;
  const canaryName = canary?.predictor?.name;
  return {
    kind: 'InferenceService',
    name,
    namespace,
    ready: ready?.status ?? 'Unknown',
    ...(ready?.reason ? { reason: ready.reason } : {}),
    ...(isvc.status?.url ? { url: isvc.status.url } : {}),
    ...(percent !== undefined ? { canaryTrafficPercent: percent } : {}),
    ...(canaryName ? { canaryName } : {}),
    traffic: (isvc.status?.components?.predictor?.traffic ?? []).map((t) => ({
      revision: t.revisionName ?? '',
      percent: t.percent ?? 0,
      latest: Boolean(t.latestRevision),
    })),
    ...(promotion ? { promotion } : {}),
  };
}

/**
 * KServe has no promote or abort of its own: a deployment's canary moves with its promotion
 * workflow. So `promote` resumes the run's suspend step (a manual approval or a timed wait), as
 * `argo resume` does, and `abort` stops the run (`argo stop`: its exit handler rolls back)
 * and applies the run's own rollback patch at once.
 *
 * @example
 * ```ts
 * const kserve = kserveDeployments(kube);
 * const s = await kserve.status('churn', 'ml-prod', isvc);
 * if (s.promotion?.waiting === 'approval') await kserve.promote('churn', 'ml-prod', isvc);
 * ```
 */
export function kserveDeployments(kube: Kube): {
  status(name: string, namespace: string, isvc: IsvcJson): Promise<InferenceServiceSummary>;
  promote(name: string, namespace: string, isvc: IsvcJson): Promise<InferenceServiceSummary>;
  abort(name: string, namespace: string, isvc: IsvcJson): Promise<InferenceServiceSummary>;
} {
  const deploymentOf = (name: string, isvc: IsvcJson): string => isvc.metadata?.labels?.[DEPLOYMENT_LABEL] ?? name;
  const reread = async (name: string, namespace: string, done: string): Promise<InferenceServiceSummary> => {
    const isvc = await kube.request<IsvcJson>('GET', resourcePath(ISVC, namespace, name), {
      verb: 'get',
      ...ISVC,
      namespace,
      name,
    });
    const p = await promotionRuns(kube, deploymentOf(name, isvc), namespace);
    const wf = currentRun(p);
    return { ...summarizeInferenceService(isvc, name, namespace, wf && summarizePromotion(wf, specOf(p, wf))), done };
  };
  return {
    async status(name, namespace, isvc) {
      let p: PromotionRuns;
      try {
        p = await promotionRuns(kube, deploymentOf(name, isvc), namespace);
      } catch (e) {
        // The InferenceService is worth showing even to someone who may not read workflows.
        if (e instanceof ClientError && e.reason === 'forbidden')
          return { ...summarizeInferenceService(isvc, name, namespace), promotionError: e.message };
        throw e;
      }
      const wf = currentRun(p);
      return summarizeInferenceService(isvc, name, namespace, wf && summarizePromotion(wf, specOf(p, wf)));
    },
    async promote(name, namespace, isvc) {
      const deployment = deploymentOf(name, isvc);
      // A 409 means the controller wrote the run meanwhile: read it again (as argo resume retries).
      for (let attempt = 1; ; attempt++) {
        const p = await promotionRuns(kube, deployment, namespace);
        const wf = runInProgress(p, deployment, namespace, 'promote');
        const where = summarizePromotion(wf, specOf(p, wf));
        if (!where.waiting && !(wf.spec?.suspend ?? false)) {
          const step = where.step
            ? `step ${where.step.index + 1}${where.step.total ? `/${where.step.total}` : ''} ${where.step.steps.map((s) => `${s.name} ${s.phase}`).join(', ')}`
            : where.phase;
          throw new ClientError(
            `promotion run "${wf.metadata.name}": not waiting at an approval or a pause, nothing to promote (got ${step}). It moves on when the step completes; argosy abort ${name} stops it and rolls back`,
            'not-paused',
          );
        }
        try {
          const resumed = await resumeRun(kube, wf, namespace);
          return await reread(name, namespace, `promotion run ${wf.metadata.name} resumed at ${resumed.join(', ')}`);
        } catch (e) {
          if (!(e instanceof ClientError && e.reason === 'conflict') || attempt >= 3) throw e;
        }
      }
    },
    async abort(name, namespace, isvc) {
      const deployment = deploymentOf(name, isvc);
      const p = await promotionRuns(kube, deployment, namespace);
      const wf = runInProgress(p, deployment, namespace, 'abort');
      // Stop first, so no later step of the run sets traffic again after the rollback.
      await stopRun(kube, wf, namespace);
      const rb = await applyRollback(kube, specOf(p, wf), namespace);
      return reread(
        name,
        namespace,
        `promotion run ${wf.metadata.name} stopped; ${rb.applied ? `rolled back ${rb.object} (its exit handler repeats it)` : rb.why}`,
      );
    },
  };
}
