import type { DeploymentIR, ServerServingIR } from '../../dsl/ir/index.ts';
import { analysisSpec } from '../../charts/analysis/analysis-template.ts';
import { rolloutStrategy } from '../../charts/argo-rollouts/strategies/index.ts';
import { deploymentAnalyses, onlineStrategy, ROLLOUT_ROUTES, strategyModel } from '../../dsl/ir/strategy.ts';
import { candidates, metricLines, roleOfTemplate, stableName } from './deployment-describe.ts';
import { strategyGraph } from './strategies/index.ts';
import { Flow } from './flow.ts';
import type { GraphBuilder, GraphNode } from './model.ts';

type Spec = Record<string, unknown>;
type AnalysisRef = {
  templates?: readonly { templateName?: string }[];
  templateName?: string;
  startingStep?: number;
  requiredForCompletion?: boolean;
};

/** A seconds count as the shortest unit that divides it: 600 → 10m. */
const pods = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`;
const seconds = (n: number): string => (n % 3600 === 0 ? `${n / 3600}h` : n % 60 === 0 ? `${n / 60}m` : `${n}s`);

/** What an AnalysisTemplate referenced by a Rollout checks, from the analysis it was rendered from. */
export function templateLines(d: DeploymentIR, templateName: string | undefined): string[] {
  const role = roleOfTemplate(d, templateName);
  const { graph, strategy } = strategyGraph(d);
  const decision = role ? graph.decisionLines?.(d, strategy, role) : undefined;
  if (decision) return decision;
  const rendered = deploymentAnalyses(d).find(([r]) => r === role)?.[1];
  if (!role || !rendered || role === 'ab-test') return [];
  return metricLines(analysisSpec(rendered).metrics ?? [], rendered.dryRun);
}

const refName = (ref: AnalysisRef): string | undefined => ref.templateName ?? ref.templates?.[0]?.templateName;

/** Where an arm's traffic goes: its own Service, or with subset-level routing a subset of the one Service. */
const via = (d: DeploymentIR, arm: 'stable' | 'canary'): string =>
  d.names.destinationRule
    ? `${d.names.service ?? ''} subset ${arm}`
    : ((arm === 'stable' ? d.names.stableService : d.names.canaryService) ?? '');

/** The two arms a Rollout canary moves traffic between, as reviewers name them. */
function arms(d: DeploymentIR): { stable: string; candidate: string } {
  const { graph, strategy } = strategyGraph(d);
  return graph.arms?.(d, strategy) ?? { stable: stableName(d), candidate: candidates(d)[0]?.label ?? 'candidate' };
}

/** What aborting undoes of a route the Rollout manages, by route name. */
const REMOVED_ROUTES: Readonly<Record<string, string>> = {
  [ROLLOUT_ROUTES.mirror]: 'mirror route removed',
  [ROLLOUT_ROUTES.ab]: 'A/B route removed',
};

/**
 * A plain-server deployment as the Argo Rollouts controller runs it: the generated
 * `spec.strategy` steps in order (weights, pauses, scale, mirror and header routes, analysis
 * steps, the experiment), a background analysis beside them, and promote or abort at the end.
 */
export function rolloutFlow(g: GraphBuilder, d: DeploymentIR, s: ServerServingIR, start: string): void {
  const strategy = rolloutStrategy(d, s);
  const abort = g.id('rollout', 'abort');
  const flow = new Flow(g, abort).at(start);
  const { stable, candidate } = arms(d);
  const promote = (group: string | undefined): GraphNode => ({
    id: g.id('rollout', 'promote'),
    label: ['promote', `${candidate} becomes stable: 100%`],
    shape: 'action',
    ...(group ? { group } : {}),
  });
  const manual = (id: string, title: string, group: string): GraphNode => ({
    id,
    label: [title, `until kubectl argo rollouts promote ${d.names.workload}`],
    shape: 'pause',
    group,
  });
  const gate = (id: string, title: string, ref: AnalysisRef, group?: string): GraphNode => ({
    id,
    label: [`${title} ${refName(ref) ?? ''}`.trim(), ...templateLines(d, refName(ref))],
    shape: 'gate',
    ...(group ? { group } : {}),
  });

  if (strategy.blueGreen) {
    const b = strategy.blueGreen;
    const group = g.group({
      id: g.id('group', 'rollout'),
      label: `Rollout ${d.names.workload} · spec.strategy.blueGreen`,
    });
    const previewPods = typeof b.previewReplicaCount === 'number' ? b.previewReplicaCount : s.replicas;
    flow.step({
      id: g.id('rollout', 'preview'),
      label: [
        'preview',
        `${String(b.previewService)} → ${candidate} (${pods(previewPods)})`,
        `${String(b.activeService)} (active) → ${stable}: 100%`,
      ],
      shape: 'action',
      group,
    });
    if (b.prePromotionAnalysis)
      flow.step(gate(g.id('rollout', 'pre'), 'prePromotionAnalysis', b.prePromotionAnalysis, group), {
        next: 'pass',
        fail: 'fail',
      });
    if (b.autoPromotionEnabled === false)
      flow.step(manual(g.id('rollout', 'pause'), 'pause', group), { next: 'promote', fail: 'abort' });
    const scale = previewPods !== s.replicas ? [`scale ${candidate} to ${pods(s.replicas)}`] : [];
    flow.step({
      id: g.id('rollout', 'switch'),
      label: ['switch', ...scale, `${String(b.activeService)} (active) → ${candidate}: 100%`],
      shape: 'action',
      group,
    });
    if (b.postPromotionAnalysis)
      flow.step(gate(g.id('rollout', 'post'), 'postPromotionAnalysis', b.postPromotionAnalysis, group), {
        next: 'pass',
        fail: 'fail',
      });
    const delay = typeof b.scaleDownDelaySeconds === 'number' ? b.scaleDownDelaySeconds : 30;
    flow.step({
      id: g.id('rollout', 'promote'),
      label: [`${candidate} is stable`, `${stable} scaled down after ${seconds(delay)}`],
      shape: 'action',
      group,
    });
    g.node({
      id: abort,
      label: ['abort', `${String(b.activeService)} (active) → ${stable}: 100%`, `${candidate} scaled down`],
      shape: 'action',
    });
    return;
  }

  const c = { steps: [], ...strategy.canary };
  const group = g.group({
    id: g.id('group', 'rollout'),
    label: `Rollout ${d.names.workload} · spec.strategy.canary.steps`,
  });
  const routed = Boolean(d.names.virtualService);
  const e = onlineStrategy(d.strategy);
  const stepIds: string[] = [];
  c.steps.forEach((step, i) => {
    const id = g.id('rollout', `step-${i}`);
    const n = `${i + 1}.`;
    // Each step sets exactly one field; walk it generically so a new step kind still shows.
    const [kind, value] = Object.entries(step)[0] as unknown as [string, Spec & number];
    let ids: string[];
    if (kind === 'setWeight') {
      const split = routed
        ? [`${value}% → ${candidate} via ${via(d, 'canary')}`, `${100 - value}% → ${stable} via ${via(d, 'stable')}`]
        : [`${value}% of the pods run ${candidate}`, 'split by replica count'];
      ids = flow.then([{ id, label: [`${n} setWeight ${value}`, ...split], shape: 'action', group }]);
    } else if (kind === 'pause') {
      ids = value.duration
        ? flow.then([{ id, label: [`${n} pause ${String(value.duration)}`], shape: 'pause', group }])
        : flow.then([manual(id, `${n} pause`, group)], { next: 'promote', fail: 'abort' });
    } else if (kind === 'analysis') {
      ids = flow.then([gate(id, `${n} analysis`, value as AnalysisRef, group)], { next: 'pass', fail: 'fail' });
    } else if (kind === 'setCanaryScale' && value.matchTrafficWeight === true) {
      ids = flow.then([
        {
          id,
          label: [`${n} setCanaryScale matchTrafficWeight`, `${candidate} pods follow its traffic weight`],
          shape: 'action',
          group,
        },
      ]);
    } else if (kind === 'setCanaryScale') {
      const replicas = (value.replicas as number | undefined) ?? 0;
      ids = flow.then([
        {
          id,
          label: [`${n} setCanaryScale ${replicas}`, `${pods(replicas)} of ${candidate}, no weighted traffic`],
          shape: 'action',
          group,
        },
      ]);
    } else if (kind === 'setMirrorRoute') {
      const label =
        typeof value.percentage === 'number'
          ? [
              `${n} setMirrorRoute ${String(value.name)}`,
              `copy ${value.percentage}% of requests to ${candidate}`,
              'its answers are discarded',
            ]
          : [`${n} setMirrorRoute ${String(value.name)}: remove`, 'stop mirroring'];
      ids = flow.then([{ id, label, shape: 'action', group }]);
    } else if (kind === 'setHeaderRoute') {
      ids = flow.then([
        {
          id,
          label: value.match
            ? [`${n} setHeaderRoute ${String(value.name)}`, ...cohort(d, candidate, stable)]
            : [`${n} setHeaderRoute ${String(value.name)}: remove`, `everyone → ${stable}`],
          shape: 'action',
          group,
        },
      ]);
    } else if (kind === 'experiment') {
      ids = experiment(flow, d, value, id, n, group, gate);
    } else {
      ids = flow.then([{ id, label: [`${n} ${kind}`], shape: 'task', group }]);
    }
    stepIds.push(...ids.slice(0, 1));
  });
  flow.step(promote(group));
  if (c.analysis) {
    const from = stepIds[c.analysis.startingStep ?? 0] ?? start;
    flow.beside(
      from,
      gate(g.id('rollout', 'background'), 'background analysis', c.analysis),
      'starts, runs until promoted',
    );
  }
  const routes = strategyModel(d.strategy)
    .server.managedRoutes(e)
    .flatMap((r) => (REMOVED_ROUTES[r] ? [REMOVED_ROUTES[r]] : []));
  // Without a gate or a manual pause nothing aborts the rollout automatically: no abort to draw.
  if (g.edges.some((x) => x.to === abort))
    g.node({
      id: abort,
      label: [
        'abort',
        `100% → ${stable}${routed ? ` via ${via(d, 'stable')}` : ''}`,
        `${candidate} scaled down`,
        ...routes,
      ],
      shape: 'action',
    });
}

/** Who a header/cookie route sends to the candidate. */
function cohort(d: DeploymentIR, candidate: string, stable: string): string[] {
  const { graph, strategy } = strategyGraph(d);
  return graph.cohort?.(d, strategy, candidate, stable) ?? [`→ ${candidate}`];
}

/** The weighted A/B test: one template per arm, the decision holds the step, other analyses run beside it. */
function experiment(
  flow: Flow,
  d: DeploymentIR,
  value: Spec,
  id: string,
  n: string,
  group: string,
  gate: (id: string, title: string, ref: AnalysisRef, group?: string) => GraphNode,
): string[] {
  const { graph, strategy } = strategyGraph(d);
  const templates = (value.templates ?? []) as {
    name: string;
    weight?: number;
    replicas?: number;
    service?: { name?: string };
  }[];
  const lines = templates.map(
    (t) =>
      `${graph.armLabel?.(d, strategy, t.name) ?? t.name}: ${t.weight ?? 0}% via ${t.service?.name ?? ''} (${pods(t.replicas ?? 0)})`,
  );
  const ids = flow.then([{ id, label: [`${n} experiment`, ...lines], shape: 'action', group }]);
  const analyses = (value.analyses ?? []) as (AnalysisRef & { name: string })[];
  analyses
    .filter((a) => a.requiredForCompletion)
    .forEach((a) =>
      flow.step(gate(flow.g.id('rollout', `experiment-${a.name}`), 'analysis', a, group), {
        next: 'pass',
        fail: 'fail',
      }),
    );
  analyses
    .filter((a) => !a.requiredForCompletion)
    .forEach((a) =>
      flow.beside(
        id,
        gate(flow.g.id('rollout', `experiment-${a.name}`), 'analysis', a, group),
        'during the experiment',
      ),
    );
  return ids;
}
