import type { ArgoObjectIR, ArgoTemplateIR, DeploymentIR, KServeServingIR } from '../../dsl/ir/index.ts';
import { renderArgoObject } from '../../dsl/ir/argo-object.ts';
import { candidatesOf, strategyModel } from '../../dsl/ir/strategy.ts';
import { manifestText } from '../k8s/manifest.ts';
import { RESTRICTED_POD_SECURITY } from '../k8s/pod.ts';
import { kserveEmitter } from './strategies/index.ts';
import { inferenceServiceRef, ISVC_RESOURCE, WorkflowBuilder, type PatchOp, type WfStep } from './workflow-steps.ts';

/** A hook Workflow in the Argo model (dsl/ir/argo-*), rendered like every Argo object. */
export type HookWorkflow = Extract<ArgoObjectIR, { kind: 'Workflow' }>;

/** An Argo CD hook Workflow: hooks may use generateName; it is deleted before the next one and once it succeeded. */
function hookWorkflow(
  d: DeploymentIR,
  prefix: string,
  phase: 'Sync' | 'PostSync',
  account: string,
  namespace: string | undefined,
  description: string,
  entry: string,
  templates: readonly ArgoTemplateIR[],
): HookWorkflow {
  return {
    kind: 'Workflow',
    metadata: {
      generateName: `${prefix}-`,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      annotations: {
        'argocd.argoproj.io/hook': phase,
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
        // A Sync hook runs in the sync's waves: after its account and Role (-2), before the InferenceService (0).
        ...(phase === 'Sync' ? { 'argocd.argoproj.io/sync-wave': '-1' } : {}),
        'workflows.argoproj.io/description': description,
      },
    },
    spec: {
      entrypoint: entry,
      serviceAccountName: account,
      securityContext: RESTRICTED_POD_SECURITY,
      podGC: { strategy: 'OnPodSuccess' },
      // A hook holds the sync; it only reads and patches, so it never needs long.
      activeDeadlineSeconds: 600,
      templates,
    },
  };
}

/** A guarded JSON patch that is a no-op when its `test` fails (the state it hands over is not there). */
function guarded(b: WorkflowBuilder, name: string, isvc: string, ops: readonly PatchOp[], when?: string): WfStep {
  return {
    name,
    template: b.patch(name, ISVC_RESOURCE, isvc, ops, false),
    continueOn: { failed: true, error: true },
    ...(when ? { when } : {}),
  };
}

/**
 * The hand-over of a KServe canary or blue/green, an Argo CD Sync hook in wave -1 (a PreSync hook
 * would run before its own ServiceAccount exists on a first sync). With RespectIgnoreDifferences Argo CD
 * keeps the live value of the traffic field the promotion workflow owns, and because
 * `spec.canary` is an atomic list it keeps the whole live list: left alone, a folded candidate
 * would stay in spec.canary next to the predictor that now carries its name (KServe rejects
 * that), a new candidate would never replace the old entry, and in Knative mode a new model
 * would inherit the promoted "100 % to latest". Before Argo CD applies the InferenceService, this hook makes the
 * live object what git means, one guarded JSON patch per case, each a no-op when its guard fails:
 * - adopt (Standard): the live canary is the version git now serves: promote it in KServe's
 *   zero-restart way, predictor := git's predictor and spec.canary removed in one update;
 * - stage (Standard): git has a candidate the live object does not list yet: spec.canary := git's
 *   entry at 0 %; a run in progress for that candidate is left alone;
 * - drop (Standard): git has no candidate: a leftover canary entry is removed;
 * - stage (Knative): the live model is still the one git serves: switch to git's model and pin
 *   it at 0 % in one update, so the new revision starts without traffic.
 */
export function handoverHook(
  d: DeploymentIR,
  s: KServeServingIR,
  namespace: string | undefined,
): HookWorkflow | undefined {
  const prefix = d.names.handover;
  const account = d.names.workflow;
  if (!prefix || !account || strategyModel(d.strategy).kserve.promotion !== 'in-place') return undefined;
  const candidate = candidatesOf(d.strategy)[0]?.model;
  const b = new WorkflowBuilder(d);
  const isvc = d.names.workload;
  const { emitter, strategy } = kserveEmitter(d);
  const spec = emitter.inferenceServices(d, strategy, s, namespace)[0]?.spec;
  if (!spec) return undefined;
  const servingUri: PatchOp = { op: 'test', path: '/spec/predictor/model/storageUri', value: s.storageUri };
  if (s.deploymentMode === 'Knative') {
    if (!candidate) return undefined;
    b.then(
      guarded(b, 'stage', isvc, [
        servingUri,
        { op: 'replace', path: '/spec/predictor/model', value: spec.predictor.model },
        { op: 'add', path: '/spec/predictor/canaryTrafficPercent', value: 0 },
      ]),
    );
  } else {
    const served = d.names.namedPredictor;
    if (served)
      b.then(
        guarded(b, 'adopt', isvc, [
          { op: 'test', path: '/spec/canary/0/predictor/name', value: served },
          { op: 'replace', path: '/spec/predictor', value: spec.predictor },
          { op: 'remove', path: '/spec/canary' },
        ]),
      );
    const version = candidate?.version;
    if (version && spec.canary) {
      const probe = b.get('probe', inferenceServiceRef(isvc), {
        condition: `spec.canary.0.predictor.name == ${version}`,
        failure: `spec.canary.0.predictor.name != ${version}`,
      });
      b.then({ name: 'listed', template: probe, continueOn: { failed: true, error: true } });
      b.then(
        guarded(
          b,
          'stage',
          isvc,
          [servingUri, { op: 'add', path: '/spec/canary', value: spec.canary }],
          '{{steps.listed.status}} != Succeeded',
        ),
      );
    } else {
      b.then(guarded(b, 'drop', isvc, [servingUri, { op: 'remove', path: '/spec/canary' }]));
    }
  }
  return hookWorkflow(
    d,
    prefix,
    'Sync',
    account,
    namespace,
    `Hands the traffic of model deployment ${d.name} over between its promotion runs and git before each sync applies the InferenceService (Argo CD Sync hook, wave -1).`,
    'handover',
    [{ name: 'handover', steps: b.groups }, ...b.templates.values()],
  );
}

/**
 * The PostSync trigger: submits the promotion/evaluation workflow after every sync, so a
 * candidate that reached the cluster is gated without a human. The run it submits decides
 * whether there is anything to do (a candidate already decided is skipped) and a mutex queues a
 * second submission behind a running one; the hook itself only creates the Workflow and exits,
 * because Argo CD waits for PostSync hooks and a rollout may take days.
 */
export function triggerHook(d: DeploymentIR, namespace: string | undefined): HookWorkflow | undefined {
  const name = d.names.trigger;
  const template = d.names.workflow;
  if (!name || !template) return undefined;
  const run: ArgoObjectIR = {
    kind: 'Workflow',
    metadata: { generateName: `${template}-`, labels: { ...d.labels } },
    spec: { workflowTemplateRef: { name: template } },
  };
  return hookWorkflow(
    d,
    name,
    'PostSync',
    name,
    namespace,
    `Submits workflowtemplate/${template} after each sync of model deployment ${d.name} (Argo CD PostSync hook).`,
    'submit',
    // The run is created in the hook's namespace, so its manifest names none.
    [{ name: 'submit', resource: { action: 'create', manifest: manifestText(renderArgoObject(run, undefined)) } }],
  );
}
