import type {
  AbTestIR,
  AnalysisIR,
  AnalysisRole,
  BlueGreenIR,
  CanaryIR,
  DeploymentIR,
  KServeServingIR,
  ModelVersionIR,
  RecorderIR,
  ShadowIR,
} from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { abDecisionAnalysis } from '../argo-rollouts/analysis-template.ts';
import { plainEnv, resourcesOf } from '../argo-rollouts/container.ts';
import { windowed } from '../argo-rollouts/analysis-window.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';
import { containerSecurity, RESTRICTED_POD_SECURITY } from '../argo-workflows/pod.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import { candidateId, VERDICT_JSONPATH, VERDICT_POINTER } from './verdict.ts';
import {
  inferenceServiceRef,
  ISVC_RESOURCE,
  PERCENT,
  WorkflowBuilder,
  type PatchOp,
  type WfStep,
} from './workflow-steps.ts';

const VS = 'virtualservice.networking.istio.io';
/** Deadline margin on top of the worst case of every wait, window and approval. */
const MARGIN_SECONDS = 3600;

/** What the workflow changes, with the guard that it is still the object it was written for. */
interface Target {
  readonly resource: string;
  readonly name: string;
  readonly apiVersion: string;
  readonly kind: string;
}

/** The Knative revision under test, read once at the start of the run. */
const REVISION = { input: 'revision', value: '{{steps.revision.outputs.parameters.revision}}' };

/**
 * One AnalysisRun per arm. Step names are unique per workflow (`stepSuffix`); the template is
 * shared unless the analysis differs per call (`templateSuffix`, e.g. per-step windows).
 */
function analyses(
  b: WorkflowBuilder,
  d: DeploymentIR,
  role: AnalysisRole,
  a: AnalysisIR,
  stepSuffix = '',
  templateSuffix = '',
): WfStep[] {
  const knative = d.serving.kind === 'kserve' && d.serving.deploymentMode === 'Knative';
  return (d.names.analysisArgs[role] ?? []).map((arm) =>
    b.analyze(
      `${role}-${arm.arm}${stepSuffix}`,
      `analyze-${role}-${arm.arm}${templateSuffix}`,
      role,
      a,
      arm,
      knative ? REVISION : undefined,
    ),
  );
}

function offlineGate(b: WorkflowBuilder, d: DeploymentIR): void {
  if (d.strategy.kind === 'championChallenger' && d.strategy.offlineGate.verify)
    b.then(...analyses(b, d, 'offline-gate', d.strategy.offlineGate.verify));
}

const guardOf = (s: KServeServingIR, candidate: string | undefined): PatchOp =>
  s.deploymentMode === 'Knative'
    ? { op: 'test', path: '/spec/predictor/model/storageUri', value: candidate }
    : { op: 'test', path: '/spec/canary/0/predictor/name', value: candidate };
const trafficPath = (s: KServeServingIR): string =>
  s.deploymentMode === 'Knative' ? '/spec/predictor/canaryTrafficPercent' : '/spec/canary/0/trafficPercent';
const percent = (p: number) => ({ parameters: [{ name: 'percent', value: String(p) }] });

/** Waits until the candidate's pods serve: Standard reads the canary status, Knative the revision. */
function ready(
  b: WorkflowBuilder,
  d: DeploymentIR,
  s: KServeServingIR,
  version: string | undefined,
  stepName: string,
): WfStep {
  const isvc = inferenceServiceRef(d.names.workload);
  if (s.deploymentMode === 'Knative') {
    const t = b.get('wait-revision-ready', isvc, {
      inputs: ['revision'],
      condition: 'status.components.predictor.latestReadyRevision == {{inputs.parameters.revision}}',
    });
    return b.waitStep({
      name: stepName,
      template: t,
      arguments: { parameters: [{ name: 'revision', value: REVISION.value }] },
    });
  }
  const t = b.get('wait-canary-ready', isvc, {
    condition: `status.canaryStatuses.0.name == ${version}, status.canaryStatuses.0.ready == true`,
  });
  return b.waitStep({ name: stepName, template: t });
}

function canarySteps(b: WorkflowBuilder, d: DeploymentIR, s: KServeServingIR, c: CanaryIR): PatchOp[] {
  const knative = s.deploymentMode === 'Knative';
  const guardValue = knative ? (c.candidate?.storageUri ?? s.storageUri) : c.candidate?.version;
  const guard = guardOf(s, guardValue);
  // `add` also works on a field a Knative promotion removed.
  const setTraffic = b.patch(
    'set-traffic',
    ISVC_RESOURCE,
    d.names.workload,
    [guard, { op: 'add', path: trafficPath(s), value: PERCENT }],
    true,
  );
  if (knative) {
    b.then({
      name: 'revision',
      template: b.get('read-revision', inferenceServiceRef(d.names.workload), {
        outputs: { revision: '{.status.components.predictor.latestCreatedRevision}' },
      }),
    });
  }
  offlineGate(b, d);
  c.steps.forEach((step, i) => {
    const n = i + 1;
    b.then({ name: `set-weight-${n}`, template: setTraffic, arguments: percent(step.weight) });
    // KServe sizes the canary by its share (ceil(stable minReplicas x percent / 100)): new pods start at every step.
    b.then(ready(b, d, s, c.candidate?.version, `ready-${n}`));
    const pause = step.pause;
    const waitStep = (): void => {
      if (pause?.kind === 'manual') b.then(b.approve(`approve-${n}`));
      if (pause?.kind === 'duration') b.then(b.wait(`wait-${n}`, pause.duration, pause.seconds));
    };
    if (!c.analysis) return waitStep();
    if (c.analysisMode === 'steps') {
      waitStep();
      b.then(...analyses(b, d, 'canary', c.analysis, `-step-${n}`));
      return;
    }
    // Background on KServe: each step's pause is spent measuring the candidate.
    if (pause?.kind === 'manual') b.then(b.approve(`approve-${n}`));
    const w = windowed(c.analysis, pause?.kind === 'duration' ? pause.seconds : 0);
    if (w.waitFirst && pause?.kind === 'duration') b.then(b.wait(`wait-${n}`, pause.duration, pause.seconds));
    b.then(...analyses(b, d, 'canary', w.analysis, `-step-${n}`, `-step-${n}`));
  });
  // Knative promotes by dropping canaryTrafficPercent: the latest revision becomes the rolled-out one.
  // Standard: the candidate takes 100 % from its canary entry; git folds it into the predictor.
  const promote = knative
    ? [guard, { op: 'remove', path: trafficPath(s) }]
    : [guard, { op: 'add', path: trafficPath(s), value: 100 }];
  b.then({
    name: 'promote',
    template: b.patch('promote', ISVC_RESOURCE, d.names.workload, [...promote, verdictOp(d)], false),
  });
  recordPromotion(b, d, s, c.candidate, c.recordPromotion);
  return [guard, { op: 'add', path: trafficPath(s), value: 0 }];
}

function blueGreenSteps(b: WorkflowBuilder, d: DeploymentIR, s: KServeServingIR, g: BlueGreenIR): PatchOp[] {
  const guard = guardOf(s, g.candidate?.version);
  const setTraffic = b.patch(
    'set-traffic',
    ISVC_RESOURCE,
    d.names.workload,
    [guard, { op: 'add', path: trafficPath(s), value: PERCENT }],
    true,
  );
  b.then(ready(b, d, s, g.candidate?.version, 'ready'));
  if (g.prePromotionAnalysis) b.then(...analyses(b, d, 'pre-promotion', g.prePromotionAnalysis));
  if (!g.autoPromote) b.then(b.approve('approve'));
  b.then({ name: 'switch', template: setTraffic, arguments: percent(100) });
  if (g.postPromotionAnalysis) b.then(...analyses(b, d, 'post-promotion', g.postPromotionAnalysis));
  b.then(recordVerdict(b, { resource: ISVC_RESOURCE, name: d.names.workload }, d));
  recordPromotion(b, d, s, g.candidate, g.recordPromotion);
  return [guard, { op: 'add', path: trafficPath(s), value: 0 }];
}

/**
 * The user's recorder of a promotion in git, after the switch. Its failure is shown on the node
 * but does not fail the run: the model passed its gates, only the fold must then be done by hand.
 */
function recordPromotion(
  b: WorkflowBuilder,
  d: DeploymentIR,
  s: KServeServingIR,
  candidate: ModelVersionIR | undefined,
  r: RecorderIR | undefined,
): void {
  if (!r) return;
  const facts = [
    { name: 'ARGOSY_DEPLOYMENT', value: d.name },
    { name: 'ARGOSY_CANDIDATE_VERSION', value: candidate?.version ?? '' },
    { name: 'ARGOSY_CANDIDATE_STORAGE_URI', value: candidate?.storageUri ?? s.storageUri },
    { name: 'ARGOSY_NAMESPACE', value: '{{workflow.namespace}}' },
  ];
  b.define('record-promotion', {
    container: {
      image: r.image,
      command: r.command,
      ...(r.args.length ? { args: r.args } : {}),
      env: [...facts, ...plainEnv(r.env)],
      ...resourcesOf(r.resources),
      securityContext: containerSecurity(RESTRICTED_SECURITY),
    },
  });
  b.then({ name: 'record-promotion', template: 'record-promotion', continueOn: { failed: true } });
}

/** Shadow challengers and A/B arms are InferenceServices of their own: measure them once they serve. */
function armsReady(b: WorkflowBuilder, d: DeploymentIR): void {
  const steps = Object.entries(d.names.inferenceServices).map(([arm, isvc]) =>
    b.waitStep({
      name: `ready-${arm}`,
      template: b.get(`wait-${arm}-ready`, inferenceServiceRef(isvc), {
        condition: 'status.modelStatus.transitionStatus == UpToDate',
      }),
    }),
  );
  b.then(...steps);
}

function shadowSteps(b: WorkflowBuilder, d: DeploymentIR, s: ShadowIR): PatchOp[] {
  armsReady(b, d);
  offlineGate(b, d);
  if (s.analysis) {
    const w = windowed(s.analysis, s.durationSeconds);
    if (w.waitFirst) b.then(b.wait('mirror', s.duration, s.durationSeconds));
    b.then(...analyses(b, d, 'shadow', w.analysis));
  }
  b.then(recordVerdict(b, { resource: VS, name: d.names.virtualService as string }, d));
  const ops =
    s.challengers.length === 1
      ? [{ op: 'replace', path: '/spec/http/0/mirrorPercentage/value', value: 0 }]
      : s.challengers.map((_, i) => ({ op: 'replace', path: `/spec/http/0/mirrors/${i}/percentage/value`, value: 0 }));
  return [{ op: 'test', path: '/spec/http/0/name', value: 'primary' }, ...ops];
}

function abSteps(b: WorkflowBuilder, d: DeploymentIR, ab: AbTestIR): PatchOp[] {
  armsReady(b, d);
  offlineGate(b, d);
  const decision = analyses(b, d, 'ab-test', abDecisionAnalysis(ab));
  if (ab.analysis) {
    const w = windowed(ab.analysis, ab.durationSeconds);
    if (w.waitFirst)
      b.then(b.wait('run-test', ab.duration, ab.durationSeconds)).then(
        ...analyses(b, d, 'guardrails', w.analysis),
        ...decision,
      );
    else b.then(...analyses(b, d, 'guardrails', w.analysis)).then(...decision);
  } else {
    b.then(b.wait('run-test', ab.duration, ab.durationSeconds)).then(...decision);
  }
  b.then(recordVerdict(b, { resource: VS, name: d.names.virtualService as string }, d));
  // Route 0: [primary, candidate] for weights; the cohort route [candidate, primary] for header/cookie.
  const [toPrimary, toCandidate] = ab.assignBy.kind === 'weight' ? [0, 1] : [1, 0];
  return [
    {
      op: 'test',
      path: `/spec/http/0/route/${toCandidate}/destination/host`,
      value: d.names.predictorServices?.byName[ab.variants.find((v) => v.name !== ab.primary)?.name ?? ''],
    },
    { op: 'replace', path: `/spec/http/0/route/${toPrimary}/weight`, value: 100 },
    { op: 'replace', path: `/spec/http/0/route/${toCandidate}/weight`, value: 0 },
  ];
}

const verdictOp = (d: DeploymentIR): PatchOp => ({ op: 'add', path: VERDICT_POINTER, value: candidateId(d) });

function recordVerdict(
  b: WorkflowBuilder,
  t: { readonly resource: string; readonly name: string },
  d: DeploymentIR,
): WfStep {
  return { name: 'record-verdict', template: b.patch('record-verdict', t.resource, t.name, [verdictOp(d)], false) };
}

function ownedObject(d: DeploymentIR): Target {
  const e = onlineStrategy(d.strategy);
  return e.kind === 'canary' || e.kind === 'blueGreen'
    ? { resource: ISVC_RESOURCE, ...inferenceServiceRef(d.names.workload) }
    : {
        resource: VS,
        name: d.names.virtualService as string,
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
      };
}

/** The first step of every promotion workflow: it reads the verdict annotation (argosy graph draws it by this name). */
export const VERDICT_CHECK_STEP = 'check';

/**
 * The WorkflowTemplate that drives a KServe rollout, since KServe has no automatic promotion:
 * it walks the canary steps (or the blue/green switch, or the shadow/A-B window), waits for the
 * candidate's pods before measuring, runs each analysis as an AnalysisRun and, if anything fails
 * or is stopped, its exit handler rolls the traffic back. A run first reads which candidate the
 * object was last decided on and does nothing if it is this one, so the PostSync trigger may
 * submit it after every sync; a mutex keeps two runs from overlapping, and the deadline (every
 * wait, window and approval, plus a margin) rolls back a run nobody finishes.
 */
export function promotionWorkflow(
  d: DeploymentIR,
  s: KServeServingIR,
  namespace: string | undefined,
): ObjectSpec | undefined {
  const name = d.names.workflow;
  if (!name || !d.names.trigger) return undefined;
  const b = new WorkflowBuilder(d);
  const e = onlineStrategy(d.strategy);
  const owned = ownedObject(d);
  const rollbackOps =
    e.kind === 'canary'
      ? canarySteps(b, d, s, e)
      : e.kind === 'blueGreen'
        ? blueGreenSteps(b, d, s, e)
        : e.kind === 'shadow'
          ? shadowSteps(b, d, e)
          : abSteps(b, d, e);
  const rollback = b.patch('rollback', owned.resource, owned.name, [...rollbackOps, verdictOp(d)], false);
  const check = b.get('read-verdict', owned, { outputs: { decided: VERDICT_JSONPATH } });
  const id = candidateId(d);
  const templates = [
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
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      annotations: {
        'workflows.argoproj.io/description': `${e.kind === 'canary' || e.kind === 'blueGreen' ? 'Promotes' : 'Evaluates'} the ${e.kind} of model deployment ${d.name} (candidate ${id}); rolls traffic back on failure. Submitted after every sync by ${d.names.trigger}; by hand: argo submit --from workflowtemplate/${name}`,
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
