import { DslError, seg, type PathSegment } from '../errors.ts';
import type { AnalysisRole, MeshIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { analysisArg } from './analysis-args.ts';
import { ISTIO_ARM_SELECTOR } from './promql.ts';
import { candidatesOf, mapAnalyses, onlineStrategy, strategyModel } from '../ir/strategy.ts';
import { subsetRouted } from './subset-routing.ts';

/**
 * The version label of the new version's pods on a plain server: the challenger's or candidate's,
 * or, when the new version is `serving` itself (the Rollout's new pod template), the serving one.
 * It must differ from the stable one, because Istio tells the two apart only by it.
 */
function revisionUnderTest(serving: ServingIR, s: StrategyIR, why: string, path: readonly PathSegment[]): string {
  const first = candidatesOf(s)[0];
  const field = first?.declaredAs === 'challenger' ? 'challenger' : 'candidate';
  const model = first?.model;
  const stable = serving.kind === 'server' ? serving.version : undefined;
  const revision = model ? model.version : stable;
  if (revision === undefined || (model !== undefined && revision === stable)) {
    throw new DslError({
      path: [...path, 'strategy', field, 'version'],
      problem: `${why}, and Istio tells those pods from the stable ones by their version label (app.kubernetes.io/version), so the new version needs a label of its own`,
      got: { serving: stable, [field]: model?.version },
      fix: `Set server({ version: 'v7' }) and give the ${field} another one (${field === 'challenger' ? 'shadow' : 'canary'}({ ${field}: { version: 'v8', ... } })), or change serving.version with the image`,
    });
  }
  return revision;
}

const MIRRORED = "mirrored requests are only reported by the receiving pods' own proxy";
const SUBSETS = 'with subset-level routing both versions are endpoints of the one Service';

/** Whether the arms of a subset-routed server share the deployment's Service (all but a weighted experiment's). */
function sharedService(serving: ServingIR, mesh: MeshIR, s: StrategyIR): boolean {
  const experiment = strategyModel(s).server.experimentArm?.('', onlineStrategy(s)) !== undefined;
  return serving.kind === 'server' && subsetRouted(mesh) && !experiment;
}

/**
 * The Istio selector of the version under test for one place an analysis runs:
 * - routed traffic to a plain server (canary, header or weighted A/B arm, blue/green preview and
 *   active Services): the client proxy's report (`reporter="source"`) of the Service it routed
 *   to; the server side cannot tell the overlapping Services apart (istio#31610);
 * - mirrored traffic to a plain server, and any traffic to a subset-routed one (both versions
 *   behind one Service): the new version's own proxies (`reporter="destination"`; the mirroring
 *   proxy reports nothing for the copy, istio#23496) by canonical service and revision, which
 *   Istio reads from `app.kubernetes.io/name` / `app.kubernetes.io/version`;
 * - KServe: every predictor is its own Deployment (`<isvc>[-<name>]-predictor`, in Knative mode
 *   `<revision>-deployment`), so the predictor's own proxy by workload, however the request got
 *   there (Gateway API route, VirtualService split, mirror).
 */
function armSelector(
  serving: ServingIR,
  mesh: MeshIR,
  role: AnalysisRole,
  s: StrategyIR,
  name: string,
  path: readonly PathSegment[],
): string {
  const ns = analysisArg.namespace;
  if (serving.kind === 'kserve') {
    const workload = serving.deploymentMode === 'Knative' ? `${analysisArg.service}-deployment` : analysisArg.service;
    return `reporter="destination",destination_workload="${workload}",destination_workload_namespace="${ns}"`;
  }
  const shared = sharedService(serving, mesh, s);
  if (role === 'shadow' || shared) {
    const revision = revisionUnderTest(serving, s, role === 'shadow' ? MIRRORED : SUBSETS, path);
    return `reporter="destination",destination_canonical_service="${name}",destination_canonical_revision="${revision}",destination_workload_namespace="${ns}"`;
  }
  return ISTIO_ARM_SELECTOR;
}

/**
 * Points the ready-made Istio helpers of every analysis at the right telemetry for the place it
 * runs (see armSelector), and rejects them without Istio: with `mesh: 'none'` there are no Istio
 * metrics and every measurement would be inconclusive. With subset-level routing a metric that
 * still names `analysisArg.service` or `baselineService` is rejected: both would be the one
 * Service in front of both versions.
 */
export function withArmTelemetry(
  s: StrategyIR,
  serving: ServingIR,
  mesh: MeshIR,
  name: string,
  path: readonly PathSegment[],
): StrategyIR {
  const shared = sharedService(serving, mesh, s);
  return mapAnalyses(s, (a, role) => ({
    ...a,
    metrics: a.metrics.map((m) => {
      const at = [...path, seg('analysis', role), seg('metric', m.name)];
      let out = m;
      if (m.provider.kind === 'prometheus' && m.provider.query.includes(ISTIO_ARM_SELECTOR)) {
        if (mesh.kind !== 'istio') {
          throw new DslError({
            path: at,
            problem: 'the query reads Istio telemetry, but the deployment declares mesh: "none"',
            got: 'errorRate()/latencyP99()',
            fix: "Use latencyP99({ source: 'kserve' }) or your own query, or route with istio()",
          });
        }
        const query = m.provider.query.split(ISTIO_ARM_SELECTOR).join(armSelector(serving, mesh, role, s, name, path));
        // The replaced selector may no longer name the arm's Service; the template declares only what it uses.
        out = {
          ...m,
          args: m.args.filter((arg) => query.includes(`{{args.${arg}}}`)),
          provider: { ...m.provider, query },
        };
      }
      const byService = ['service', 'baseline-service'].filter((arg) =>
        JSON.stringify(out.provider).includes(`{{args.${arg}}}`),
      );
      if (shared && byService.length > 0) {
        throw new DslError({
          path: at,
          problem: `${SUBSETS} "${name}", so {{args.service}} and {{args.baseline-service}} cannot tell the version under test from the stable one`,
          got: byService.map((arg) => `{{args.${arg}}}`).join(', '),
          fix: "Use errorRate() or latencyP99() (Argosy selects the version by its pod label), a query on the version label, or routing: 'hosts' (the default) for predictionDrift() and other per-Service metrics",
        });
      }
      return out;
    }),
  }));
}
