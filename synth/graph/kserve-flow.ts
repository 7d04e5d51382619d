import { load } from 'js-yaml';
import type { DeploymentIR, KServeServingIR } from '../../dsl/ir/index.ts';
import { strategyModel } from '../../dsl/ir/strategy.ts';
import type { AnalysisRun } from '../../charts/imports/argo-rollouts.ts';
import { promotionWorkflow, VERDICT_CHECK_STEP } from '../../charts/kserve/promotion-workflow.ts';
import { VERDICT_POINTER } from '../../charts/kserve/verdict.ts';
import { PERCENT } from '../../charts/kserve/workflow-steps.ts';
import { candidates, metricLines, roleOfTemplate, stableName } from './deployment-describe.ts';
import { strategyGraph } from './strategies/index.ts';
import { Flow } from './flow.ts';
import type { GraphBuilder, GraphNode } from './model.ts';

interface Step {
  readonly name: string;
  readonly template: string;
  readonly arguments?: { readonly parameters?: readonly { readonly name: string; readonly value: string }[] };
  readonly when?: string;
}
interface Template {
  readonly name: string;
  readonly steps?: readonly (readonly Step[])[];
  readonly suspend?: { readonly duration?: string };
  readonly resource?: {
    readonly action: string;
    readonly manifest: string;
    readonly flags?: readonly string[];
    readonly successCondition?: string;
  };
}
type PatchOp = { readonly op: string; readonly path: string; readonly value?: unknown };

const param = (s: Step, name: string): string | undefined =>
  s.arguments?.parameters?.find((p) => p.name === name)?.value;

/** What a JSON patch of the workflow does to traffic, read from the paths it changes. */
function patchLines(d: DeploymentIR, t: Template, step: Step): string[] {
  const percent = param(step, 'percent');
  const manifest = (t.resource?.manifest ?? '[]').replace(
    /\{\{inputs\.parameters\.percent\}\}/g,
    JSON.stringify(PERCENT),
  );
  const all = (JSON.parse(manifest) as PatchOp[]).filter((o) => o.op !== 'test');
  const ops = all.filter((o) => o.path !== VERDICT_POINTER);
  const [resource = '', object = ''] = t.resource?.flags ?? [];
  const target = `patch ${resource.split('.')[0]}/${object}`;
  if (ops.length === 0) return ['record this candidate as decided', target];
  const candidate = candidates(d)[0]?.label ?? 'candidate';
  const lines = ops.map((o): string => {
    if (/\/(canaryTrafficPercent|trafficPercent)$/.test(o.path)) {
      if (o.op === 'remove') return `remove ${o.path.split('/').pop()}: latest revision 100%`;
      const p = o.value === PERCENT ? Number(percent) : Number(o.value);
      return p === 0
        ? `100% → ${stableName(d)}`
        : p === 100
          ? `100% → ${candidate}`
          : `${p}% → ${candidate}, ${100 - p}% → ${stableName(d)}`;
    }
    return `${o.op} ${o.path} = ${JSON.stringify(o.value)}`;
  });
  const mirrors = ops.filter((o) => /mirrorPercentage\/value$|mirrors\/\d+\/percentage\/value$/.test(o.path));
  if (mirrors.length && mirrors.length === ops.length)
    return [
      `stop mirroring: ${mirrors.length === 1 ? 'mirrorPercentage' : `${mirrors.length} mirrors`} → ${String(mirrors[0]?.value)}%`,
      target,
    ];
  const { graph, strategy } = strategyGraph(d);
  // Weights of the A/B route: one line naming who gets everyone.
  const weights = graph.weightsLine?.(d, strategy);
  if (weights && ops.every((o) => /\/route\/\d+\/weight$/.test(o.path))) return [weights, target];
  return [...lines, target];
}

/** What an AnalysisRun a workflow step creates checks: its template's role, the arm, the rendered metrics. */
function analysisLines(d: DeploymentIR, t: Template): string[] {
  const run = load(t.resource?.manifest ?? '') as Partial<AnalysisRun>;
  const labels = run.metadata?.labels ?? {};
  const template = labels['argosy.dev/analysis-template'];
  const role = roleOfTemplate(d, template);
  const arm = (d.names.analysisArgs[role ?? 'canary'] ?? []).find((a) => a.arm === labels['argosy.dev/arm']);
  const { graph, strategy } = strategyGraph(d);
  const checks =
    (role ? graph.decisionLines?.(d, strategy, role) : undefined) ??
    metricLines(
      run.spec?.metrics ?? [],
      (run.spec?.dryRun ?? []).map((x) => x.metricName),
    );
  return [`AnalysisRun ${template ?? ''}${arm ? ` on ${arm.service}` : ''}`.trim(), ...checks];
}

/**
 * A KServe deployment: what the sync sets up, then the generated promotion/evaluation
 * WorkflowTemplate step by step (parallel steps side by side), and its exit handler, which
 * rolls traffic back when the workflow does not succeed.
 */
export function kserveFlow(
  g: GraphBuilder,
  d: DeploymentIR,
  s: KServeServingIR,
  start: string,
  namespace: string | undefined,
): void {
  const { graph, strategy } = strategyGraph(d);
  const synced = g.node({
    id: g.id('kserve', 'synced'),
    label: ['after sync', ...graph.kserveSynced(d, strategy, s)],
    shape: 'task',
  });
  g.edge({ from: start, to: synced, style: 'flow' });
  const wf = promotionWorkflow(d, s, namespace);
  if (!wf) return;
  const spec = wf.spec as { templates: Template[]; entrypoint: string; onExit?: string };
  const templates = new Map(spec.templates.map((t) => [t.name, t]));
  const rollback = g.id('kserve', 'rollback');
  const flow = new Flow(g, rollback).at(synced);
  const name = wf.metadata.name;
  const group = g.group({
    id: g.id('group', 'workflow'),
    label: `WorkflowTemplate ${name} · submitted after each sync by ${d.names.trigger ?? 'hand'}`,
  });
  const node = (step: Step, grp: string): { node: GraphNode; next?: string; fail?: string } => {
    const t = templates.get(step.template);
    const id = g.id('wf', step.name);
    if (t?.suspend && t.suspend.duration !== undefined)
      return {
        node: {
          id,
          label: [step.name, `wait ${param(step, 'duration') ?? t.suspend.duration}`],
          shape: 'pause',
          group: grp,
        },
      };
    if (t?.suspend)
      return {
        node: { id, label: [step.name, 'suspend until argo resume'], shape: 'pause', group: grp },
        next: 'argo resume',
        fail: 'argo stop',
      };
    if (t?.resource?.action === 'create')
      return {
        node: { id, label: [step.name, ...analysisLines(d, t)], shape: 'gate', group: grp },
        next: 'pass',
        fail: 'fail',
      };
    if (t?.resource?.action === 'patch')
      return { node: { id, label: [step.name, ...patchLines(d, t, step)], shape: 'action', group: grp } };
    if (t?.resource?.action === 'get' && t.resource.successCondition)
      return {
        node: {
          id,
          label: [
            step.name,
            `wait until ${t.resource.successCondition.replace(/\{\{inputs\.parameters\.(\w+)\}\}/g, '<$1>')}`,
          ],
          shape: 'pause',
          group: grp,
        },
      };
    if (t?.resource?.action === 'get' && step.name === VERDICT_CHECK_STEP)
      return {
        node: {
          id,
          label: [step.name, 'skip the run if this candidate was already decided'],
          shape: 'task',
          group: grp,
        },
      };
    if (t?.resource?.action === 'get')
      return { node: { id, label: [step.name, `read ${step.name}`], shape: 'task', group: grp } };
    return { node: { id, label: [step.name, `template ${step.template}`], shape: 'task', group: grp } };
  };
  // The entry template checks the verdict, then calls the run template: draw the run's steps in line.
  const main = (templates.get(spec.entrypoint)?.steps ?? []).flatMap((parallel) => {
    const nested = parallel.length === 1 ? templates.get(parallel[0]?.template ?? '')?.steps : undefined;
    return nested ?? [parallel];
  });
  const stepIds = main.flatMap((parallel) => {
    const drawn = parallel.map((st) => node(st, group));
    const first = drawn[0];
    return flow.then(
      drawn.map((x) => x.node),
      { ...(first?.next ? { next: first.next } : {}), ...(first?.fail ? { fail: first.fail } : {}) },
    );
  });
  // With no gate or approval, only an erroring step (e.g. a patch whose guard no longer holds) reaches the rollback.
  if (!g.edges.some((x) => x.to === rollback))
    stepIds.forEach((id) => g.edge({ from: id, to: rollback, label: 'error', style: 'failure' }));
  const promotes = strategyModel(d.strategy).kserve.promotion === 'in-place';
  const labels = candidates(d).map((c) => c.label);
  const fold = labels.length > 1 ? `the best of ${labels.join(', ')}` : labels.join('');
  flow.step({
    id: g.id('kserve', 'succeeded'),
    label: [
      'Succeeded',
      promotes ? `${fold} serves 100%` : 'traffic stays as synced',
      `next commit: fold ${fold} into serving${promotes ? '' : ' to promote'}`,
    ],
    shape: 'task',
  });
  const exit = spec.onExit ? templates.get(spec.onExit) : undefined;
  const exitGroup = g.group({
    id: g.id('group', 'on-exit'),
    label: `on exit · ${exit?.steps?.[0]?.[0]?.when ?? 'always'}`,
  });
  const [handler] = exit?.steps?.[0] ?? [];
  const t = handler ? templates.get(handler.template) : undefined;
  g.node({
    id: rollback,
    label: [handler?.name ?? 'rollback', ...(handler && t?.resource ? patchLines(d, t, handler) : [])],
    shape: 'action',
    group: exitGroup,
  });
}
