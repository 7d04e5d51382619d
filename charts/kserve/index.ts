import { DslError, seg } from '../../dsl/errors.ts';
import type { DeploymentIR, KServeServingIR } from '../../dsl/ir/index.ts';
import { addObject } from '../api-object.ts';
import { boundRole, externalNameService, serviceAccount, type RoleRule } from '../core-objects.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import type { RenderContext, Target } from '../target.ts';
import { inferenceServices } from './inference-service.ts';
import { promotionWorkflow } from './promotion-workflow.ts';
import { handoverHook, triggerHook } from './sync-hooks.ts';

/**
 * Exactly what the workflow (and the hand-over hook, which runs as the same account) touches:
 * its one object's field, the readiness of the InferenceServices it measures, the AnalysisRuns
 * it creates and reads, and its own task results.
 */
function workflowRules(d: DeploymentIR): RoleRule[] {
  const e = onlineStrategy(d.strategy);
  const inPlace = e.kind === 'canary' || e.kind === 'blueGreen';
  const owned: RoleRule = inPlace
    ? {
        apiGroup: 'serving.kserve.io',
        resource: 'inferenceservices',
        verbs: ['get', 'patch'],
        resourceNames: [d.names.workload],
      }
    : {
        apiGroup: 'networking.istio.io',
        resource: 'virtualservices',
        verbs: ['get', 'patch'],
        resourceNames: [d.names.virtualService as string],
      };
  const measured = inPlace ? [] : Object.values(d.names.inferenceServices);
  const analyses = d.names.trigger !== undefined && Object.keys(d.names.analysisTemplates).length > 0;
  return [
    owned,
    ...(measured.length
      ? [{ apiGroup: 'serving.kserve.io', resource: 'inferenceservices', verbs: ['get'], resourceNames: measured }]
      : []),
    // The executor creates a run, then polls it with GETs until a verdict (no list/watch).
    ...(analyses ? [{ apiGroup: 'argoproj.io', resource: 'analysisruns', verbs: ['create', 'get'] }] : []),
    // The Argo executor reports each step's outcome through WorkflowTaskResults.
    { apiGroup: 'argoproj.io', resource: 'workflowtaskresults', verbs: ['create', 'patch'] },
  ];
}

/** The PostSync trigger only creates Workflows (from the one template) and reports its step. */
const TRIGGER_RULES: readonly RoleRule[] = [
  { apiGroup: 'argoproj.io', resource: 'workflows', verbs: ['create'] },
  { apiGroup: 'argoproj.io', resource: 'workflowtaskresults', verbs: ['create', 'patch'] },
];

function previewService(ctx: RenderContext, d: DeploymentIR): void {
  const name = d.names.previewService;
  const e = onlineStrategy(d.strategy);
  if (!name || e.kind !== 'blueGreen' || !e.candidate?.version) return;
  const ns = ctx.env.namespace;
  if (!ns) {
    throw new DslError({
      path: [seg('environment', ctx.env.name), seg('deployment', d.name)],
      problem: 'a KServe blue/green preview Service is a DNS alias of the candidate predictor and needs the namespace',
      got: undefined,
      fix: "Give the environment a namespace: environment('staging', { namespace: 'ml-staging' })",
    });
  }
  const target = d.names.predictorServices?.byName[e.candidate.version] as string;
  externalNameService(ctx.chart, { name, namespace: ns, labels: d.labels }, `${target}.${ns}.svc.cluster.local`);
}

/**
 * KServe: the InferenceServices of every KServe deployment, the preview Service of a blue/green,
 * and the promotion/evaluation WorkflowTemplate with its own least-privilege ServiceAccount.
 * @example
 * ```ts
 * kserveTarget.render(ctx);
 * ```
 */
export const kserveTarget: Target = {
  name: 'kserve',
  render(ctx) {
    const namespace = ctx.env.namespace;
    for (const d of ctx.app.deployments) {
      if (d.serving.kind !== 'kserve') continue;
      const s: KServeServingIR = d.serving;
      for (const obj of inferenceServices(d, s, namespace)) addObject(ctx.chart, obj);
      previewService(ctx, d);
      const wf = promotionWorkflow(d, s, namespace);
      if (wf) addObject(ctx.chart, wf);
      for (const hook of [handoverHook(d, s, namespace), triggerHook(d, namespace)])
        if (hook) addObject(ctx.chart, hook);
      const account = d.names.workflow;
      if (account) {
        const meta = { name: account, namespace, labels: d.labels };
        boundRole(ctx.chart, meta, serviceAccount(ctx.chart, meta, true), workflowRules(d));
      }
      if (d.names.trigger) {
        const meta = { name: d.names.trigger, namespace, labels: d.labels };
        boundRole(ctx.chart, meta, serviceAccount(ctx.chart, meta, true), TRIGGER_RULES);
      }
    }
  },
};
