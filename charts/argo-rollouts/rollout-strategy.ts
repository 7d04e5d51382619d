import type {
  AbTestIR,
  AnalysisIR,
  AnalysisRole,
  BlueGreenIR,
  CanaryIR,
  CanaryStepIR,
  DeploymentIR,
  ServerServingIR,
  ShadowIR,
} from '../../dsl/ir/index.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import { abDecisionAnalysis, rolloutArgs } from './analysis-template.ts';
import { windowed } from './analysis-window.ts';
import { SUBSETS } from '../istio/istio-api.ts';

type Step = Record<string, unknown>;

/** Names of the Istio routes Rollouts manages: the weighted route and the temporary ones. */
export const ROUTES = { primary: 'primary', mirror: 'mirror', ab: 'ab' } as const;

/** The analysis as it is rendered into its template (a shadow's is fitted to the mirroring window). */
export function templateAnalysis(role: AnalysisRole, a: AnalysisIR, d: DeploymentIR): AnalysisIR {
  const e = onlineStrategy(d.strategy);
  return role === 'shadow' && e.kind === 'shadow' ? windowed(a, e.durationSeconds).analysis : a;
}

function analysisRef(d: DeploymentIR, role: AnalysisRole, a: AnalysisIR): Record<string, unknown> {
  const { templateName, ...rest } = analysisRefFlat(d, role, a);
  return { templates: [{ templateName }], ...rest };
}

function pause(p: CanaryStepIR['pause']): Step[] {
  if (!p) return [];
  return [{ pause: p.kind === 'manual' ? {} : { duration: p.duration } }];
}

/** The champion/challenger offline-gate check, run before any traffic reaches the candidate. */
function offlineGate(d: DeploymentIR): Step[] {
  const s = d.strategy;
  return s.kind === 'championChallenger' && s.offlineGate.verify
    ? [{ analysis: analysisRef(d, 'offline-gate', s.offlineGate.verify) }]
    : [];
}

/**
 * Host-level routing names the stable and canary Services; subset-level routing names the
 * DestinationRule instead (Rollouts then needs no Services of its own and relabels the subsets).
 */
function routed(d: DeploymentIR, managedRoutes: readonly string[]): Record<string, unknown> {
  const rule = d.names.destinationRule;
  return {
    ...(rule ? {} : { canaryService: d.names.canaryService, stableService: d.names.stableService }),
    ...(d.names.virtualService
      ? {
          trafficRouting: {
            istio: {
              virtualService: { name: d.names.virtualService, routes: [ROUTES.primary] },
              ...(rule
                ? {
                    destinationRule: { name: rule, canarySubsetName: SUBSETS.canary, stableSubsetName: SUBSETS.stable },
                  }
                : {}),
            },
            ...(managedRoutes.length ? { managedRoutes: managedRoutes.map((name) => ({ name })) } : {}),
          },
        }
      : {}),
  };
}

/** setWeight steps (with their pauses and per-step analyses) of a canary. */
function weightSteps(d: DeploymentIR, c: CanaryIR): Step[] {
  const gate = c.analysis;
  return c.steps.flatMap((s): Step[] => [
    { setWeight: s.weight },
    ...pause(s.pause),
    ...(gate && c.analysisMode === 'steps' ? [{ analysis: analysisRef(d, 'canary', gate) }] : []),
  ]);
}

/** The background analysis of a canary, started right after its first setWeight step so the candidate has traffic to measure. */
function backgroundAnalysis(d: DeploymentIR, c: CanaryIR, firstWeightStep: number): Record<string, unknown> {
  const gate = c.analysis;
  return gate && c.analysisMode === 'background'
    ? { analysis: { ...analysisRef(d, 'canary', gate), startingStep: firstWeightStep + 1 } }
    : {};
}

function canary(d: DeploymentIR, c: CanaryIR): Record<string, unknown> {
  const pre = offlineGate(d);
  return {
    ...routed(d, []),
    ...backgroundAnalysis(d, c, pre.length),
    steps: [...pre, ...weightSteps(d, c)],
  };
}

function shadow(d: DeploymentIR, s: ShadowIR, replicas: number): Record<string, unknown> {
  const gate = s.analysis ? windowed(s.analysis, s.durationSeconds) : undefined;
  const mirrored: Step[] = [
    ...offlineGate(d),
    // Mirrored load needs capacity in proportion to the mirrored share.
    { setCanaryScale: { replicas: Math.max(1, Math.ceil((replicas * s.mirrorPercent) / 100)) } },
    // A mirror route without a match is removed again, so a catch-all match is required.
    { setMirrorRoute: { name: ROUTES.mirror, percentage: s.mirrorPercent, match: [{ path: { prefix: '/' } }] } },
    ...(!gate || gate.waitFirst ? [{ pause: { duration: s.duration } }] : []),
    ...(s.analysis ? [{ analysis: analysisRef(d, 'shadow', s.analysis) }] : []),
    { setMirrorRoute: { name: ROUTES.mirror } },
    ...(s.autoPromote ? [] : [{ pause: {} }]),
  ];
  if (!s.then) return { ...routed(d, [ROUTES.mirror]), steps: mirrored };
  // The canary that follows sizes the challenger by its traffic weight again, not by the mirrored share.
  const rescale: Step = { setCanaryScale: { matchTrafficWeight: true } };
  return {
    ...routed(d, [ROUTES.mirror]),
    ...backgroundAnalysis(d, s.then, mirrored.length + 1),
    steps: [...mirrored, rescale, ...weightSteps(d, s.then)],
  };
}

function abTest(d: DeploymentIR, ab: AbTestIR, replicas: number): Record<string, unknown> {
  const candidate = ab.variants.find((v) => v.name !== ab.primary);
  const decision = analysisRefFlat(d, 'ab-test', abDecisionAnalysis(ab));
  const tail = ab.autoPromote ? [] : [{ pause: {} }];
  if (ab.assignBy.kind === 'weight') {
    // The experiment's analysis waits out the test duration (initialDelay) and ends the experiment.
    const arm = (name: string, specRef: 'stable' | 'canary', weight: number | undefined) => ({
      name,
      specRef,
      replicas,
      ...(weight !== undefined ? { weight } : {}),
      service: { name: `${d.name}-${name}` },
    });
    const primary = ab.variants.find((v) => v.name === ab.primary);
    return {
      ...routed(d, []),
      steps: [
        ...offlineGate(d),
        {
          experiment: {
            templates: [
              arm(ab.primary, 'stable', primary?.weight),
              arm(candidate?.name ?? 'candidate', 'canary', candidate?.weight),
            ],
            analyses: [
              { name: 'ab-test', ...decision, requiredForCompletion: true },
              ...(ab.analysis ? [{ name: 'guardrails', ...analysisRefFlat(d, 'guardrails', ab.analysis) }] : []),
            ],
          },
        },
        ...tail,
      ],
    };
  }
  const match =
    ab.assignBy.kind === 'header'
      ? { headerName: ab.assignBy.name, headerValue: { exact: candidate?.name } }
      : { headerName: 'cookie', headerValue: { regex: `^(.*?;\\s*)?${ab.assignBy.name}=${candidate?.name}(;.*)?$` } };
  const pre = offlineGate(d);
  return {
    ...routed(d, [ROUTES.ab]),
    // Guardrails watch from the moment the cohort is routed to the candidate.
    ...(ab.analysis
      ? { analysis: { ...analysisRef(d, 'guardrails', ab.analysis), startingStep: pre.length + 2 } }
      : {}),
    steps: [
      ...pre,
      // Header routes need candidate pods although the weighted route sends them nothing.
      { setCanaryScale: { replicas } },
      { setHeaderRoute: { name: ROUTES.ab, match: [match] } },
      { pause: { duration: ab.duration } },
      { analysis: analysisRef(d, 'ab-test', abDecisionAnalysis(ab)) },
      { setHeaderRoute: { name: ROUTES.ab } },
      ...tail,
    ],
  };
}

function analysisRefFlat(d: DeploymentIR, role: AnalysisRole, a: AnalysisIR): Record<string, unknown> {
  const args = rolloutArgs(a, d.names.analysisArgs[role]?.[0]);
  return { templateName: d.names.analysisTemplates[role], ...(args.length ? { args } : {}) };
}

function blueGreen(d: DeploymentIR, b: BlueGreenIR): Record<string, unknown> {
  return {
    activeService: d.names.service,
    previewService: d.names.previewService,
    autoPromotionEnabled: b.autoPromote,
    ...(b.prePromotionAnalysis
      ? { prePromotionAnalysis: analysisRef(d, 'pre-promotion', b.prePromotionAnalysis) }
      : {}),
    ...(b.postPromotionAnalysis
      ? { postPromotionAnalysis: analysisRef(d, 'post-promotion', b.postPromotionAnalysis) }
      : {}),
    ...(b.scaleDownDelaySeconds !== undefined ? { scaleDownDelaySeconds: b.scaleDownDelaySeconds } : {}),
    ...(b.previewReplicas !== undefined ? { previewReplicaCount: b.previewReplicas } : {}),
  };
}

/** The Rollout `spec.strategy` for a plain-server deployment. */
export function rolloutStrategy(d: DeploymentIR, s: ServerServingIR): Record<string, unknown> {
  const e = onlineStrategy(d.strategy);
  switch (e.kind) {
    case 'canary':
      return { canary: canary(d, e) };
    case 'shadow':
      return { canary: shadow(d, e, s.replicas) };
    case 'abTest':
      return { canary: abTest(d, e, s.replicas) };
    case 'blueGreen':
      return { blueGreen: blueGreen(d, e) };
  }
}
