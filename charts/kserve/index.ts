import { DslError, seg } from '../../dsl/errors.ts';
import type { DeploymentIR, KServeServingIR } from '../../dsl/ir/index.ts';
import { candidatesOf, strategyModel } from '../../dsl/ir/strategy.ts';
import { addArgoObject, addObject, type KubeObject } from '../api-object.ts';
import { boundRole, externalNameService, serviceAccount, type RoleRule } from '../core-objects.ts';
import { runtimeOwnedAnnotation } from '../deployment-sync.ts';
import type { RenderContext, Target } from '../target.ts';
import { promotionWorkflow } from './promotion-workflow.ts';
import { kserveEmitter } from './strategies/index.ts';
import { handoverHook, triggerHook } from './sync-hooks.ts';
import { virtualService } from './virtual-service.ts';
import { checkKServeDeployment } from '../platform/kserve.ts';
import { NEWEST_PLATFORM } from '../../dsl/ir/platform.ts';

/**
 * Exactly what the workflow (and the hand-over hook, which runs as the same account) touches:
 * its one object's field, the readiness of the InferenceServices it measures, the AnalysisRuns
 * it creates and reads, and its own task results.
 */
function workflowRules(d: DeploymentIR): RoleRule[] {
  const inPlace = strategyModel(d.strategy).kserve.promotion === 'in-place';
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
  const version = candidatesOf(d.strategy)[0]?.model?.version;
  if (!name || !strategyModel(d.strategy).preview || !version) return;
  const ns = ctx.env.namespace;
  if (!ns) {
    throw new DslError({
      path: [seg('environment', ctx.env.name), seg('deployment', d.name)],
      problem: 'a KServe blue/green preview Service is a DNS alias of the candidate predictor and needs the namespace',
      got: undefined,
      fix: "Give the environment a namespace: environment('staging', { namespace: 'ml-staging' })",
    });
  }
  const target = d.names.predictorServices?.byName[version] as string;
  externalNameService(ctx.chart, { name, namespace: ns, labels: d.labels }, `${target}.${ns}.svc.cluster.local`);
}

/** The object with the fields that change at run time named in an annotation (see runtimeOwnedAnnotation). */
function owned<T extends KubeObject>(d: DeploymentIR, obj: T): T {
  const annotations = runtimeOwnedAnnotation(d, obj.kind, obj.metadata.name ?? '');
  return Object.keys(annotations).length
    ? { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, ...annotations } } }
    : obj;
}

/**
 * KServe: the InferenceServices of every KServe deployment, the VirtualService a side-by-side
 * strategy (shadow, A/B) routes by, the preview Service of a blue/green,
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
    const platform = ctx.project.platform ?? NEWEST_PLATFORM;
    for (const d of ctx.app.deployments) {
      if (d.serving.kind !== 'kserve') continue;
      checkKServeDeployment(d, platform, [seg('environment', ctx.env.name), seg('app', ctx.app.name)]);
      const s: KServeServingIR = d.serving;
      const { emitter, strategy } = kserveEmitter(d);
      for (const obj of emitter.inferenceServices(d, strategy, s, namespace)) addObject(ctx.chart, owned(d, obj));
      const vs = virtualService(d, emitter.routes?.(d, strategy) ?? [], namespace);
      if (vs) addObject(ctx.chart, owned(d, vs));
      previewService(ctx, d);
      const wf = promotionWorkflow(d, s, namespace);
      if (wf) addArgoObject(ctx.chart, wf, namespace);
      for (const hook of [handoverHook(d, s, namespace), triggerHook(d, namespace)])
        if (hook) addArgoObject(ctx.chart, hook, namespace);
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
