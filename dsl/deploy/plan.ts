import { DslError, type PathSegment } from '../errors.ts';
import type { AnalysisRole, ArmArgsIR, DeploymentNamesIR, MeshIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { onlineStrategy, renderedAnalyses, strategyModel } from '../ir/strategy.ts';
import { subsetRouted } from './subset-routing.ts';

/** Chooses every object name of a deployment; backends only read them. */
export function planNames(name: string, serving: ServingIR, strategy: StrategyIR, mesh: MeshIR): DeploymentNamesIR {
  const e = onlineStrategy(strategy);
  const model = strategyModel(strategy);
  const roles = renderedAnalyses(strategy, serving).map(([role]) => role);
  const analysisTemplates = Object.fromEntries(roles.map((r) => [r, `${name}-${r}`]));
  const preview = model.preview ? { previewService: `${name}-preview` } : {};
  if (serving.kind === 'server') {
    const routed = model.server.rollout === 'canary';
    // Subset-level routing keeps both versions behind the one Service; the gates tell them apart by revision.
    const subsets = routed && subsetRouted(mesh);
    const experiment = model.server.experimentArm?.(name, e);
    const arms: ArmArgsIR =
      experiment ??
      (subsets
        ? { arm: 'canary', service: name }
        : { arm: 'canary', service: `${name}-canary`, baselineService: `${name}-stable` });
    const args = Object.fromEntries(
      roles.map((r): [AnalysisRole, ArmArgsIR[]] => {
        if (r === 'pre-promotion') return [r, [{ arm: 'preview', service: `${name}-preview`, baselineService: name }]];
        if (r === 'post-promotion') return [r, [{ arm: 'active', service: name }]];
        return [r, [arms]];
      }),
    );
    return {
      workload: name,
      service: name,
      ...(routed && !subsets ? { canaryService: `${name}-canary`, stableService: `${name}-stable` } : {}),
      ...preview,
      ...(experiment && serving.metrics ? { podMonitor: `${name}-experiment-arms` } : {}),
      ...(serving.pod.serviceAccountName ? {} : { serviceAccount: name }),
      inferenceServices: {},
      ...(routed && mesh.kind === 'istio' ? { virtualService: name } : {}),
      ...(subsets ? { destinationRule: name } : {}),
      analysisTemplates,
      analysisArgs: args,
    };
  }
  // spec.canary strategies name the stable predictor after its version so a promotion restarts nothing.
  const inPlace = model.kserve.promotion === 'in-place';
  const knative = serving.deploymentMode === 'Knative';
  const namedPredictor = inPlace && !knative ? serving.version : undefined;
  const primary = predictorService(name, namedPredictor);
  const candidates = model.candidates(e);
  const extra: Record<string, string> = {};
  const byName: Record<string, string> = {};
  if (!inPlace) candidates.forEach((c) => (extra[c.name] = `${name}-${c.name}`));
  Object.entries(extra).forEach(([k, isvc]) => (byName[k] = predictorService(isvc)));
  const candidateVersion = inPlace ? candidates[0]?.model?.version : undefined;
  if (candidateVersion && !knative) byName[candidateVersion] = predictorService(name, candidateVersion);
  // Knative splits between revisions behind one predictor Service, so the gate sees both together.
  const arms: ArmArgsIR[] = knative
    ? [{ arm: 'latest', service: primary }]
    : Object.entries(byName).map(([arm, service]) => ({ arm, service, baselineService: primary }));
  const args = Object.fromEntries(
    roles.map((r): [AnalysisRole, ArmArgsIR[]] => {
      if (r === 'post-promotion') return [r, arms.map((c) => ({ arm: c.arm, service: c.service }))];
      return [r, arms];
    }),
  );
  const hasCandidate = knative ? inPlace && candidates[0]?.model !== undefined : candidateVersion !== undefined;
  const gated = inPlace ? knative || candidateVersion !== undefined : roles.length > 0;
  // A named stable predictor may be a folded canary that the live object still lists in spec.canary.
  const handover = inPlace && (hasCandidate || namedPredictor !== undefined);
  const workflow = gated
    ? inPlace
      ? `${name}-promote`
      : `${name}-evaluate`
    : handover
      ? `${name}-promote`
      : undefined;
  return {
    workload: name,
    ...preview,
    inferenceServices: extra,
    ...(inPlace ? {} : { virtualService: name }),
    analysisTemplates,
    ...(workflow ? { workflow } : {}),
    ...(gated ? { trigger: `${workflow}-trigger` } : {}),
    ...(handover ? { handover: `${name}-handover` } : {}),
    ...(namedPredictor ? { namedPredictor } : {}),
    predictorServices: { primary, byName },
    analysisArgs: args,
  };
}

/** Every object the backends emit for the names, as (kind, name) pairs. */
export function plannedObjects(serving: ServingIR, names: DeploymentNamesIR): { kind: string; name: string }[] {
  const out: { kind: string; name: string }[] = [];
  const add = (kind: string, n: string | undefined): void => {
    if (n !== undefined) out.push({ kind, name: n });
  };
  if (serving.kind === 'server') {
    add('Rollout', names.workload);
    [names.service, names.canaryService, names.stableService, names.previewService].forEach((n) => add('Service', n));
    add('ServiceAccount', names.serviceAccount);
    add('PodMonitor', names.podMonitor);
  } else {
    add('InferenceService', names.workload);
    Object.values(names.inferenceServices).forEach((n) => add('InferenceService', n));
    add('Service', names.previewService);
    // Without a trigger there is nothing to promote: the workflow name only names the hand-over's account.
    if (names.trigger) add('WorkflowTemplate', names.workflow);
    ['ServiceAccount', 'Role', 'RoleBinding'].forEach((k) => add(k, names.workflow));
    add('Workflow', names.trigger);
    ['ServiceAccount', 'Role', 'RoleBinding'].forEach((k) => add(k, names.trigger));
    add('Workflow', names.handover);
  }
  add('VirtualService', names.virtualService);
  add('DestinationRule', names.destinationRule);
  Object.values(names.analysisTemplates).forEach((n) => add('AnalysisTemplate', n));
  return out;
}

/** The Kubernetes Service KServe creates for a predictor (`<isvc>[-<name>]-predictor`). */
export function predictorService(isvc: string, predictorName?: string): string {
  return predictorName ? `${isvc}-${predictorName}-predictor` : `${isvc}-predictor`;
}

/** Object names, and the Service names KServe derives from them, must fit in 63 characters. */
export function assertNameLengths(names: readonly string[], path: readonly PathSegment[]): void {
  for (const n of names) {
    if (n.length > 63) {
      throw new DslError({
        path,
        problem: `the derived object name "${n}" is longer than 63 characters`,
        got: n.length,
        fix: 'Shorten the deployment, variant, challenger or version name',
      });
    }
  }
}
