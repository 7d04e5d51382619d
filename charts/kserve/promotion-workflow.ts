import type { AbTestIR, AnalysisIR, AnalysisRole, BlueGreenIR, CanaryIR, DeploymentIR, KServeServingIR, ShadowIR } from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { abDecisionAnalysis } from '../argo-rollouts/analysis-template.ts';
import { windowed } from '../argo-rollouts/analysis-window.ts';
import { RESTRICTED_POD_SECURITY } from '../argo-workflows/pod.ts';
import { onlineStrategy } from '../deployment-meta.ts';
import { PERCENT, WorkflowBuilder, type WfStep } from './workflow-steps.ts';

const ISVC = 'inferenceservice.serving.kserve.io';
const VS = 'virtualservice.networking.istio.io';

/**
 * One AnalysisRun per arm. Step names are unique per workflow (`stepSuffix`); the template is
 * shared unless the analysis differs per call (`templateSuffix`, e.g. per-step windows).
 */
function analyses(b: WorkflowBuilder, d: DeploymentIR, role: AnalysisRole, a: AnalysisIR, stepSuffix = '', templateSuffix = ''): WfStep[] {
  return (d.names.analysisArgs[role] ?? []).map((arm) => b.analyze(`${role}-${arm.arm}${stepSuffix}`, `analyze-${role}-${arm.arm}${templateSuffix}`, role, a, arm));
}

function offlineGate(b: WorkflowBuilder, d: DeploymentIR): void {
  if (d.strategy.kind === 'championChallenger' && d.strategy.offlineGate.verify) b.then(...analyses(b, d, 'offline-gate', d.strategy.offlineGate.verify));
}

/** set-traffic(percent) on the InferenceService, guarded by a test that the candidate is still the one this workflow was written for. */
function trafficTemplate(b: WorkflowBuilder, d: DeploymentIR, s: KServeServingIR, candidate: string | undefined): string {
  const guard =
    s.deploymentMode === 'Knative'
      ? { op: 'test', path: '/spec/predictor/model/storageUri', value: candidate }
      : { op: 'test', path: '/spec/canary/0/predictor/name', value: candidate };
  const path = s.deploymentMode === 'Knative' ? '/spec/predictor/canaryTrafficPercent' : '/spec/canary/0/trafficPercent';
  // `add` also works when a Knative promotion removed the field.
  return b.patch('set-traffic', ISVC, d.names.workload, [guard, { op: 'add', path, value: PERCENT }], true);
}

const percent = (p: number) => ({ parameters: [{ name: 'percent', value: String(p) }] });

function canarySteps(b: WorkflowBuilder, d: DeploymentIR, s: KServeServingIR, c: CanaryIR): string {
  const guardValue = s.deploymentMode === 'Knative' ? (c.candidate?.storageUri ?? s.storageUri) : c.candidate?.version;
  const setTraffic = trafficTemplate(b, d, s, guardValue);
  offlineGate(b, d);
  c.steps.forEach((step, i) => {
    const n = i + 1;
    b.then({ name: `set-weight-${n}`, template: setTraffic, arguments: percent(step.weight) });
    const pause = step.pause;
    const waitStep = (): void => {
      if (pause?.kind === 'manual') b.then(b.approve(`approve-${n}`));
      if (pause?.kind === 'duration') b.then(b.wait(`wait-${n}`, pause.duration));
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
    if (w.waitFirst && pause?.kind === 'duration') b.then(b.wait(`wait-${n}`, pause.duration));
    b.then(...analyses(b, d, 'canary', w.analysis, `-step-${n}`, `-step-${n}`));
  });
  if (s.deploymentMode === 'Knative') {
    // Knative promotes by dropping canaryTrafficPercent: the latest revision becomes the rolled-out one.
    b.then({ name: 'promote', template: b.patch('promote', ISVC, d.names.workload, [{ op: 'test', path: '/spec/predictor/model/storageUri', value: guardValue }, { op: 'remove', path: '/spec/predictor/canaryTrafficPercent' }], false) });
  } else {
    b.then({ name: 'promote', template: setTraffic, arguments: percent(100) });
  }
  return setTraffic;
}

function blueGreenSteps(b: WorkflowBuilder, d: DeploymentIR, s: KServeServingIR, g: BlueGreenIR): string {
  const setTraffic = trafficTemplate(b, d, s, g.candidate?.version);
  if (g.prePromotionAnalysis) b.then(...analyses(b, d, 'pre-promotion', g.prePromotionAnalysis));
  if (!g.autoPromote) b.then(b.approve('approve'));
  b.then({ name: 'switch', template: setTraffic, arguments: percent(100) });
  if (g.postPromotionAnalysis) b.then(...analyses(b, d, 'post-promotion', g.postPromotionAnalysis));
  return setTraffic;
}

function shadowSteps(b: WorkflowBuilder, d: DeploymentIR, s: ShadowIR): string {
  offlineGate(b, d);
  if (s.analysis) {
    const w = windowed(s.analysis, s.durationSeconds);
    if (w.waitFirst) b.then(b.wait('mirror', s.duration));
    b.then(...analyses(b, d, 'shadow', w.analysis));
  }
  const ops = s.challengers.length === 1 ? [{ op: 'replace', path: '/spec/http/0/mirrorPercentage/value', value: 0 }] : s.challengers.map((_, i) => ({ op: 'replace', path: `/spec/http/0/mirrors/${i}/percentage/value`, value: 0 }));
  return b.patch('stop-mirroring', VS, d.names.virtualService as string, [{ op: 'test', path: '/spec/http/0/name', value: 'primary' }, ...ops], false);
}

function abSteps(b: WorkflowBuilder, d: DeploymentIR, ab: AbTestIR): string {
  offlineGate(b, d);
  const decision = analyses(b, d, 'ab-test', abDecisionAnalysis(ab));
  if (ab.analysis) {
    const w = windowed(ab.analysis, ab.durationSeconds);
    if (w.waitFirst) b.then(b.wait('run-test', ab.duration)).then(...analyses(b, d, 'guardrails', w.analysis), ...decision);
    else b.then(...analyses(b, d, 'guardrails', w.analysis)).then(...decision);
  } else {
    b.then(b.wait('run-test', ab.duration)).then(...decision);
  }
  // Route 0: [primary, candidate] for weights; the cohort route [candidate, primary] for header/cookie.
  const [toPrimary, toCandidate] = ab.assignBy.kind === 'weight' ? [0, 1] : [1, 0];
  return b.patch('route-to-primary', VS, d.names.virtualService as string, [
    { op: 'test', path: `/spec/http/0/route/${toCandidate}/destination/host`, value: d.names.predictorServices?.byName[ab.variants.find((v) => v.name !== ab.primary)?.name ?? ''] },
    { op: 'replace', path: `/spec/http/0/route/${toPrimary}/weight`, value: 100 },
    { op: 'replace', path: `/spec/http/0/route/${toCandidate}/weight`, value: 0 },
  ], false);
}

/**
 * The WorkflowTemplate that drives a KServe rollout, since KServe has no automatic promotion:
 * it walks the canary steps (or the blue/green switch, or the shadow/A-B window), runs each
 * analysis as an AnalysisRun and, if anything fails or is stopped, its exit handler rolls the
 * traffic back. It only ever changes the one field Argo CD is told to ignore.
 */
export function promotionWorkflow(d: DeploymentIR, s: KServeServingIR, namespace: string | undefined): ObjectSpec | undefined {
  const name = d.names.workflow;
  if (!name) return undefined;
  const b = new WorkflowBuilder(d);
  const e = onlineStrategy(d);
  let rollbackTemplate: string;
  let rollbackArgs: WfStep['arguments'];
  if (e.kind === 'canary' || e.kind === 'blueGreen') {
    rollbackTemplate = e.kind === 'canary' ? canarySteps(b, d, s, e) : blueGreenSteps(b, d, s, e);
    rollbackArgs = percent(0);
  } else {
    rollbackTemplate = e.kind === 'shadow' ? shadowSteps(b, d, e) : abSteps(b, d, e);
  }
  const rollback: WfStep = { name: 'rollback', template: rollbackTemplate, ...(rollbackArgs ? { arguments: rollbackArgs } : {}), when: '{{workflow.status}} != Succeeded' };
  const templates = [
    { name: 'main', steps: b.groups },
    { name: 'exit-handler', steps: [[rollback]] },
    ...b.templates.values(),
  ];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      annotations: { 'workflows.argoproj.io/description': `${e.kind === 'canary' || e.kind === 'blueGreen' ? 'Promotes' : 'Evaluates'} the ${e.kind} of model deployment ${d.name}; rolls traffic back on failure. Submit with: argo submit --from workflowtemplate/${name}` },
    },
    spec: {
      entrypoint: 'main',
      onExit: 'exit-handler',
      serviceAccountName: name,
      securityContext: RESTRICTED_POD_SECURITY,
      podGC: { strategy: 'OnPodSuccess' },
      templates,
    },
  };
}
