import { DslError, seg, type PathSegment } from '../errors.ts';
import type { DeploymentNamesIR, MeshIR, ModelVersionIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { analysesOf, candidatesOf, mapAnalyses, onlineStrategy, strategyModel, strategyTitle } from '../ir/strategy.ts';
import { assertStorageUri } from './checks.ts';
import { strategyRules } from './strategy-registry.ts';
import { missingPrometheus, type RuleContext } from './strategy-rules.ts';
import { checkSubsetRouting } from './subset-routing.ts';

/** Model versions a strategy introduces, with where they were declared. */
function versionsOf(s: StrategyIR): [string, ModelVersionIR][] {
  return candidatesOf(s).flatMap((c): [string, ModelVersionIR][] =>
    c.model ? [[c.declaredAs === 'candidate' ? 'candidate' : `${c.declaredAs} "${c.name}"`, c.model]] : [],
  );
}

/** Checks the rules that depend on the serving kind and mesh together with the strategy. */
export function checkCombination(
  serving: ServingIR,
  strategy: StrategyIR,
  mesh: MeshIR,
  path: readonly PathSegment[],
): void {
  const e = onlineStrategy(strategy);
  const rules = strategyRules(strategy);
  const at = [...path, 'strategy'];
  const ctx: RuleContext = {
    path,
    at,
    mesh,
    needsIstio: (why) => {
      if (mesh.kind !== 'istio')
        throw new DslError({
          path: [...path, 'mesh'],
          problem: `${why} needs Istio`,
          got: 'none',
          fix: 'Remove mesh: "none" (Istio is the default) or choose another strategy',
        });
    },
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
  if (candidatesOf(strategy).length === 0)
    throw new DslError({
      path: at,
      problem: `a ${strategyTitle(strategy)} needs a challenger`,
      got: [],
      fix: 'Add a challenger',
    });
  checkSubsetRouting(serving, strategy, mesh, path);
  if (serving.kind === 'server') {
    rules.server?.(e, serving, ctx);
    return;
  }
  if (serving.deploymentMode === 'Knative' && !rules.knative) {
    throw new DslError({
      path: [...path, 'serving', 'deploymentMode'],
      problem: `${e.kind} on KServe needs Standard mode: Knative routes by Host (mirrored requests get a "-shadow" host) and keeps the previous revision as controller state git cannot express`,
      got: 'Knative',
      fix: 'Use deploymentMode: "Standard" (the default), or canary() in Knative mode',
    });
  }
  if (strategyModel(strategy).kserve.promotion === 'in-place') {
    const candidate = candidatesOf(strategy)[0]?.model;
    const version = candidate?.version;
    if (candidate && version === undefined && serving.deploymentMode === 'Standard') {
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
  rules.kserve?.(e, serving, ctx);
  if (strategyModel(strategy).kserve.promotion === 'side-by-side' && mesh.kind === 'istio' && !mesh.gateways.length) {
    throw new DslError({
      path: [...path, 'mesh', 'gateways'],
      problem: `a KServe ${strategyTitle(strategy)} splits or mirrors traffic with a VirtualService, and one without gateways applies only to in-mesh sidecars: requests entering through the ingress gateway (or KServe's Gateway API route) would be neither split nor mirrored`,
      got: [],
      fix: "Name where clients' requests enter and the host they use, e.g. istio({ gateways: ['istio-ingress/public'], hosts: ['churn.api.example.com'] }), or gateways: ['mesh'] when every client is in the mesh",
    });
  }
}

/** Gives every Prometheus metric and A/B statistic an address, from the deployment default. */
export function withPrometheus(s: StrategyIR, address: string | undefined, path: readonly PathSegment[]): StrategyIR {
  const own = strategyRules(s).withPrometheus;
  const filled: StrategyIR = !own
    ? s
    : s.kind === 'championChallenger'
      ? { ...s, online: own(s.online, address, path) as typeof s.online }
      : own(s, address, path);
  return mapAnalyses(filled, (a, role) => ({
    ...a,
    metrics: a.metrics.map((m) => {
      if (m.provider.kind !== 'prometheus' || m.provider.address !== undefined) return m;
      if (address === undefined) throw missingPrometheus([...path, seg('analysis', role), seg('metric', m.name)]);
      return { ...m, provider: { ...m.provider, address } };
    }),
  }));
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
