import type { DeploymentIR, KServeServingIR } from '../../dsl/ir/index.ts';
import type { ArgoObjectIR, ArgoTemplateIR, ArgoWorkflowSpecIR } from '../../dsl/ir/index.ts';
import { strategyModel } from '../../dsl/ir/strategy.ts';
import { RESTRICTED_POD_SECURITY } from '../k8s/pod.ts';
import { kserveEmitter } from './strategies/index.ts';
import { verdictOp, VS_RESOURCE } from './strategies/steps.ts';
import { candidateId, VERDICT_JSONPATH } from './verdict.ts';
import { inferenceServiceRef, ISVC_RESOURCE, WorkflowBuilder } from './workflow-steps.ts';

/** Deadline margin on top of the worst case of every wait, window and approval. */
const MARGIN_SECONDS = 3600;

/** The promotion WorkflowTemplate in the Argo model (dsl/ir/argo-*), rendered like every Argo object. */
export type PromotionWorkflowTemplate = Extract<ArgoObjectIR, { kind: 'WorkflowTemplate' }> & {
  readonly metadata: { readonly name: string };
  readonly spec: ArgoWorkflowSpecIR & { readonly templates: readonly ArgoTemplateIR[] };
};

/** The object whose field the workflow owns: the InferenceService (in place) or the VirtualService. */
export function ownedObject(d: DeploymentIR): {
  readonly resource: string;
  readonly name: string;
  readonly apiVersion: string;
  readonly kind: string;
} {
  return strategyModel(d.strategy).kserve.promotion === 'in-place'
    ? { resource: ISVC_RESOURCE, ...inferenceServiceRef(d.names.workload) }
    : {
        resource: VS_RESOURCE,
        name: d.names.virtualService as string,
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
      };
}

/** The first step of every promotion workflow: it reads the verdict annotation (argosy graph draws it by this name). */
export const VERDICT_CHECK_STEP = 'check';

/**
 * The WorkflowTemplate that drives a KServe rollout, since KServe has no automatic promotion:
 * the strategy's steps (canary steps, the blue/green switch, the shadow/A-B window) wait for the
 * candidate's pods before measuring, run each analysis as an AnalysisRun and, if anything fails
 * or is stopped, the exit handler rolls the traffic back. A run first reads which candidate the
 * object was last decided on and does nothing if it is this one, so the PostSync trigger may
 * submit it after every sync; a mutex keeps two runs from overlapping, and the deadline (every
 * wait, window and approval, plus a margin) rolls back a run nobody finishes.
 */
export function promotionWorkflow(
  d: DeploymentIR,
  s: KServeServingIR,
  namespace: string | undefined,
): PromotionWorkflowTemplate | undefined {
  const name = d.names.workflow;
  if (!name || !d.names.trigger) return undefined;
  const b = new WorkflowBuilder(d);
  const { emitter, strategy } = kserveEmitter(d);
  const owned = ownedObject(d);
  const rollbackOps = emitter.workflow(b, d, strategy, s);
  const rollback = b.patch('rollback', owned.resource, owned.name, [...rollbackOps, verdictOp(d)], false);
  const check = b.get('read-verdict', owned, { outputs: { decided: VERDICT_JSONPATH } });
  const id = candidateId(d);
  const templates: ArgoTemplateIR[] = [
    {
      name: 'main',
      steps: [
        [{ name: VERDICT_CHECK_STEP, template: check }],
        [
          {
            name: 'run',
            template: 'run',
            when: `'{{steps.${VERDICT_CHECK_STEP}.outputs.parameters.decided}}' != '${id}'`,
          },
        ],
      ],
    },
    { name: 'run', steps: b.groups },
    {
      name: 'exit-handler',
      steps: [[{ name: 'rollback', template: rollback, when: '{{workflow.status}} != Succeeded' }]],
    },
    ...b.templates.values(),
  ];
  const verb = strategyModel(d.strategy).kserve.promotion === 'in-place' ? 'Promotes' : 'Evaluates';
  return {
    kind: 'WorkflowTemplate',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      annotations: {
        'workflows.argoproj.io/description': `${verb} the ${strategy.kind} of model deployment ${d.name} (candidate ${id}); rolls traffic back on failure. Submitted after every sync by ${d.names.trigger}; by hand: argo submit --from workflowtemplate/${name}`,
      },
    },
    spec: {
      entrypoint: 'main',
      onExit: 'exit-handler',
      serviceAccountName: name,
      securityContext: RESTRICTED_POD_SECURITY,
      podGC: { strategy: 'OnPodSuccess' },
      activeDeadlineSeconds: b.budgetSeconds + MARGIN_SECONDS,
      synchronization: { mutexes: [{ name }] },
      templates,
    },
  };
}
