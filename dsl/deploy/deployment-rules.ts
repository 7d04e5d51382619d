import { DslError, seg, type PathSegment } from '../errors.ts';
import type { AnalysisIR, DeploymentNamesIR, MeshIR, ModelVersionIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { assertStorageUri } from './checks.ts';
import { onlineStrategy } from '../ir/strategy.ts';
import { analysesOf } from './plan.ts';
import { checkSubsetRouting } from './subset-routing.ts';

/** Model versions a strategy introduces, with where they were declared. */
function versionsOf(s: StrategyIR): [string, ModelVersionIR][] {
  const e = onlineStrategy(s);
  const out: [string, ModelVersionIR][] = [];
  if ((e.kind === 'canary' || e.kind === 'blueGreen') && e.candidate) out.push(['candidate', e.candidate]);
  if (e.kind === 'shadow') e.challengers.forEach((c) => c.model && out.push([`challenger "${c.name}"`, c.model]));
  if (e.kind === 'abTest') e.variants.forEach((v) => v.model && out.push([`variant "${v.name}"`, v.model]));
  return out;
}

/** Checks the rules that depend on the serving kind and mesh together with the strategy. */
export function checkCombination(
  serving: ServingIR,
  strategy: StrategyIR,
  mesh: MeshIR,
  path: readonly PathSegment[],
): void {
  const e = onlineStrategy(strategy);
  const at = [...path, 'strategy'];
  const needsIstio = (why: string): void => {
    if (mesh.kind !== 'istio')
      throw new DslError({
        path: [...path, 'mesh'],
        problem: `${why} needs Istio`,
        got: 'none',
        fix: 'Remove mesh: "none" (Istio is the default) or choose another strategy',
      });
  };
  for (const [where, v] of versionsOf(strategy)) {
    const wrong =
      serving.kind === 'server'
        ? (['storageUri', 'runtime'] as const).filter((k) => v[k] !== undefined)
        : (['image'] as const).filter((k) => v[k] !== undefined);
    if (wrong.length > 0) {
      throw new DslError({
        path: [...at, where],
        problem:
          serving.kind === 'server'
            ? `${wrong.join(', ')} belong to KServe; a plain server changes image, args or env`
            : 'image belongs to plain servers; a KServe model changes storageUri or runtime',
        got: wrong[0],
        fix:
          serving.kind === 'server'
            ? 'Bake the model into the image, or use kserve()'
            : 'Set storageUri (and runtime if needed)',
      });
    }
  }
  if (serving.kind === 'kserve')
    for (const [where, v] of versionsOf(strategy))
      if (v.storageUri !== undefined) assertStorageUri(v.storageUri, [...at, where, 'storageUri']);
  if (e.kind === 'shadow' && e.challengers.length === 0)
    throw new DslError({ path: at, problem: 'a shadow needs a challenger', got: [], fix: 'Add a challenger' });
  checkSubsetRouting(serving, strategy, mesh, path);
  if (serving.kind === 'server') {
    if ((e.kind === 'canary' || e.kind === 'blueGreen') && e.recordPromotion) {
      throw new DslError({
        path: [...at, 'recordPromotion'],
        problem: 'a plain server is promoted by its Rollout, and git already holds the new pod template',
        got: 'recordPromotion',
        fix: 'Remove recordPromotion, or serve with kserve()',
      });
    }
    if (e.kind === 'shadow') {
      needsIstio('mirroring traffic (Rollout setMirrorRoute)');
      if (!Number.isInteger(e.mirrorPercent))
        throw new DslError({
          path: [...at, 'mirrorPercent'],
          problem: 'Argo Rollouts mirrors whole percents',
          got: e.mirrorPercent,
          fix: 'Round mirrorPercent to a whole number',
        });
      if (e.challengers.length !== 1)
        throw new DslError({
          path: [...at, 'challengers'],
          problem: 'a Rollout runs one canary, so a plain server shadows one challenger at a time',
          got: e.challengers.map((c) => c.name),
          fix: 'Keep one challenger, or serve with kserve()',
        });
    }
    if (e.kind === 'abTest')
      needsIstio(
        e.assignBy.kind === 'weight'
          ? 'a weighted experiment split'
          : `${e.assignBy.kind} routing (Rollout setHeaderRoute)`,
      );
    return;
  }
  if (serving.deploymentMode === 'Knative' && e.kind !== 'canary') {
    throw new DslError({
      path: [...path, 'serving', 'deploymentMode'],
      problem: `${e.kind} on KServe needs Standard mode: Knative routes by Host (mirrored requests get a "-shadow" host) and keeps the previous revision as controller state git cannot express`,
      got: 'Knative',
      fix: 'Use deploymentMode: "Standard" (the default), or canary() in Knative mode',
    });
  }
  if (e.kind === 'canary' || e.kind === 'blueGreen') {
    const version = e.candidate?.version;
    if (e.candidate && version === undefined && serving.deploymentMode === 'Standard') {
      throw new DslError({
        path: [...at, 'candidate', 'version'],
        problem: 'a KServe candidate runs as a named predictor in spec.canary[], so it needs a version',
        got: undefined,
        fix: "Add version: 'v43' to the candidate",
      });
    }
    if (version !== undefined && version === serving.version) {
      throw new DslError({
        path: [...at, 'candidate', 'version'],
        problem: 'the candidate has the same version as the running predictor',
        got: version,
        fix: 'Give the candidate its own version',
      });
    }
  }
  if (e.kind === 'blueGreen' && serving.minReplicas < 1) {
    throw new DslError({
      path: [...path, 'serving', 'minReplicas'],
      problem: 'a dark launch keeps the candidate running at 0 % traffic, which needs at least one replica',
      got: serving.minReplicas,
      fix: 'Use minReplicas: 1 or more',
    });
  }
  if (e.kind === 'canary' && serving.deploymentMode === 'Standard' && serving.minReplicas < 1) {
    throw new DslError({
      path: [...path, 'serving', 'minReplicas'],
      problem:
        'KServe sizes a canary as a share of the stable minReplicas, so 0 would leave the candidate without pods',
      got: serving.minReplicas,
      fix: 'Use minReplicas: 1 or more',
    });
  }
  if (e.kind === 'shadow' && e.then) {
    throw new DslError({
      path: [...at, 'then'],
      problem:
        'a canary after the shadow phase needs a plain server: on KServe the challenger is a separate InferenceService, not a canary of the champion',
      got: 'canary',
      fix: 'Serve with server({...}), or let the shadow pass, then introduce the version as a canary() candidate in the next commit',
    });
  }
  if (e.kind === 'shadow') {
    // The payload logger it needs may come from a monitoring's sink, so it is checked when the app is resolved.
    needsIstio('mirroring to a challenger InferenceService');
  }
  if (e.kind === 'abTest') needsIstio('routing users between two InferenceServices');
}

/** Gives every Prometheus metric and A/B statistic an address, from the deployment default. */
export function withPrometheus(s: StrategyIR, address: string | undefined, path: readonly PathSegment[]): StrategyIR {
  const fill = (a: AnalysisIR, role: string): AnalysisIR => ({
    ...a,
    metrics: a.metrics.map((m) => {
      if (m.provider.kind !== 'prometheus' || m.provider.address !== undefined) return m;
      if (address === undefined) throw missing([...path, seg('analysis', role), seg('metric', m.name)]);
      return { ...m, provider: { ...m.provider, address } };
    }),
  });
  const mapShadowOrAb = <T extends Exclude<StrategyIR, { kind: 'championChallenger' }>>(e: T): T => {
    switch (e.kind) {
      case 'canary':
        return { ...e, ...(e.analysis ? { analysis: fill(e.analysis, 'canary') } : {}) };
      case 'shadow': {
        const then = e.then?.analysis ? { ...e.then, analysis: fill(e.then.analysis, 'canary') } : e.then;
        return { ...e, ...(e.analysis ? { analysis: fill(e.analysis, 'shadow') } : {}), ...(then ? { then } : {}) };
      }
      case 'blueGreen':
        return {
          ...e,
          ...(e.prePromotionAnalysis ? { prePromotionAnalysis: fill(e.prePromotionAnalysis, 'pre-promotion') } : {}),
          ...(e.postPromotionAnalysis
            ? { postPromotionAnalysis: fill(e.postPromotionAnalysis, 'post-promotion') }
            : {}),
        };
      case 'abTest': {
        if (e.metric.address === undefined && address === undefined)
          throw missing([...path, seg('abMetric', e.metric.name)]);
        return {
          ...e,
          metric: { ...e.metric, address: e.metric.address ?? address },
          ...(e.analysis ? { analysis: fill(e.analysis, 'guardrails') } : {}),
        };
      }
      default:
        return e;
    }
  };
  if (s.kind === 'championChallenger') {
    const verify = s.offlineGate.verify ? fill(s.offlineGate.verify, 'offline-gate') : undefined;
    return { ...s, offlineGate: { ...s.offlineGate, ...(verify ? { verify } : {}) }, online: mapShadowOrAb(s.online) };
  }
  return mapShadowOrAb(s);
}

function missing(path: readonly PathSegment[]): DslError {
  return new DslError({
    path,
    problem: 'no Prometheus address',
    got: undefined,
    fix: "Set modelDeployment(..., { prometheus: 'http://prometheus.monitoring:9090' }) or the metric's address",
  });
}

/** An analysis may only use `baselineService` where a baseline exists (not after a blue/green switch). */
export function checkArgsAvailable(s: StrategyIR, names: DeploymentNamesIR, path: readonly PathSegment[]): void {
  for (const [role, a] of analysesOf(s)) {
    const arms = names.analysisArgs[role] ?? [];
    for (const m of a.metrics) {
      const used = m.args;
      if (used.includes('baseline-service') && arms.some((arm) => arm.baselineService === undefined)) {
        throw new DslError({
          path: [...path, seg('analysis', role), seg('metric', m.name)],
          problem: `the ${role} analysis has no baseline to compare with`,
          got: '{{args.baseline-service}}',
          fix: 'Use a metric of the version under test only (analysisArg.service)',
        });
      }
    }
  }
}
