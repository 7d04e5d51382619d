import { DslError, seg, type PathSegment } from '../errors.ts';
import type { AnalysisIR, AnalysisRole, MeshIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { analysisArg } from './analysis-args.ts';
import { ISTIO_ARM_SELECTOR } from './promql.ts';

type Online = Exclude<StrategyIR, { kind: 'championChallenger' }>;

/** Applies `fn` to every analysis of a strategy, with the role it plays. */
export function mapAnalyses(s: StrategyIR, fn: (a: AnalysisIR, role: AnalysisRole) => AnalysisIR): StrategyIR {
  const online = (e: Online): Online => {
    switch (e.kind) {
      case 'canary': return e.analysis ? { ...e, analysis: fn(e.analysis, 'canary') } : e;
      case 'shadow': {
        const then = e.then?.analysis ? { ...e.then, analysis: fn(e.then.analysis, 'canary') } : e.then;
        return { ...e, ...(e.analysis ? { analysis: fn(e.analysis, 'shadow') } : {}), ...(then ? { then } : {}) };
      }
      case 'abTest': return e.analysis ? { ...e, analysis: fn(e.analysis, 'guardrails') } : e;
      case 'blueGreen':
        return {
          ...e,
          ...(e.prePromotionAnalysis ? { prePromotionAnalysis: fn(e.prePromotionAnalysis, 'pre-promotion') } : {}),
          ...(e.postPromotionAnalysis ? { postPromotionAnalysis: fn(e.postPromotionAnalysis, 'post-promotion') } : {}),
        };
    }
  };
  if (s.kind !== 'championChallenger') return online(s);
  const verify = s.offlineGate.verify ? fn(s.offlineGate.verify, 'offline-gate') : undefined;
  return { ...s, offlineGate: { ...s.offlineGate, ...(verify ? { verify } : {}) }, online: online(s.online) as typeof s.online };
}

/**
 * The version label of the pods that receive mirrored traffic on a plain server: the challenger's,
 * or, when the new version is `serving` itself (the Rollout's new pod template), the serving one.
 */
function mirroredRevision(serving: ServingIR, s: StrategyIR, path: readonly PathSegment[]): string {
  const e = s.kind === 'championChallenger' ? s.online : s;
  const challenger = e.kind === 'shadow' ? e.challengers[0]?.model : undefined;
  const stable = serving.kind === 'server' ? serving.version : undefined;
  const revision = challenger ? challenger.version : stable;
  if (revision === undefined || (challenger !== undefined && revision === stable)) {
    throw new DslError({
      path: [...path, 'strategy', 'challenger', 'version'],
      problem: 'mirrored requests are only reported by the receiving pods\' own proxy, and Istio tells those pods from the stable ones by their version label (app.kubernetes.io/version), so the new version needs a label of its own',
      got: { serving: stable, challenger: challenger?.version },
      fix: "Set server({ version: 'v7' }) and give the challenger another one (shadow({ challenger: { version: 'v8', ... } })), or change serving.version with the image",
    });
  }
  return revision;
}

/**
 * The Istio selector of the version under test for one place an analysis runs:
 * - routed traffic to a plain server (canary, header or weighted A/B arm, blue/green preview and
 *   active Services): the client proxy's report (`reporter="source"`) of the Service it routed
 *   to; the server side cannot tell the overlapping Services apart (istio#31610);
 * - mirrored traffic to a plain server: the mirroring proxy reports nothing for the copy
 *   (istio#23496), so the challenger's own proxy (`reporter="destination"`) by canonical
 *   service and revision, which Istio reads from `app.kubernetes.io/name` / `app.kubernetes.io/version`;
 * - KServe: every predictor is its own Deployment (`<isvc>[-<name>]-predictor`, in Knative mode
 *   `<revision>-deployment`), so the predictor's own proxy by workload, however the request got
 *   there (Gateway API route, VirtualService split, mirror).
 */
function armSelector(serving: ServingIR, role: AnalysisRole, s: StrategyIR, name: string, path: readonly PathSegment[]): string {
  const ns = analysisArg.namespace;
  if (serving.kind === 'kserve') {
    const workload = serving.deploymentMode === 'Knative' ? `${analysisArg.service}-deployment` : analysisArg.service;
    return `reporter="destination",destination_workload="${workload}",destination_workload_namespace="${ns}"`;
  }
  if (role === 'shadow') {
    return `reporter="destination",destination_canonical_service="${name}",destination_canonical_revision="${mirroredRevision(serving, s, path)}",destination_workload_namespace="${ns}"`;
  }
  return ISTIO_ARM_SELECTOR;
}

/**
 * Points the ready-made Istio helpers of every analysis at the right telemetry for the place it
 * runs (see armSelector), and rejects them without Istio: with `mesh: 'none'` there are no Istio
 * metrics and every measurement would be inconclusive.
 */
export function withArmTelemetry(s: StrategyIR, serving: ServingIR, mesh: MeshIR, name: string, path: readonly PathSegment[]): StrategyIR {
  return mapAnalyses(s, (a, role) => ({
    ...a,
    metrics: a.metrics.map((m) => {
      if (m.provider.kind !== 'prometheus' || !m.provider.query.includes(ISTIO_ARM_SELECTOR)) return m;
      if (mesh.kind !== 'istio') {
        throw new DslError({ path: [...path, seg('analysis', role), seg('metric', m.name)], problem: 'the query reads Istio telemetry, but the deployment declares mesh: "none"', got: 'errorRate()/latencyP99()', fix: "Use latencyP99({ source: 'kserve' }) or your own query, or route with istio()" });
      }
      const query = m.provider.query.split(ISTIO_ARM_SELECTOR).join(armSelector(serving, role, s, name, path));
      return { ...m, provider: { ...m.provider, query } };
    }),
  }));
}
