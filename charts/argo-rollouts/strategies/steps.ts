import type { AnalysisIR, AnalysisRole, CanaryIR, CanaryStepIR, DeploymentIR } from '../../../dsl/ir/index.ts';
import { ROLLOUT_ROUTES } from '../../../dsl/ir/strategy.ts';
import type { Arg, CanaryStep, CanaryStrategy, RolloutAnalysis } from '../../imports/argo-rollouts.ts';
import { SUBSETS } from '../../k8s/serving.ts';
import { rolloutArgs } from '../../analysis/analysis-template.ts';

/** A reference to a deployment's AnalysisTemplate of `role`, with the arm's argument values. */
export function analysisRefFlat(
  d: DeploymentIR,
  role: AnalysisRole,
  a: AnalysisIR,
): { readonly templateName: string; readonly args?: readonly Arg[] } {
  const args = rolloutArgs(a, d.names.analysisArgs[role]?.[0]);
  return { templateName: d.names.analysisTemplates[role] as string, ...(args.length ? { args } : {}) };
}

/** The same reference as a Rollout analysis step or gate takes it (`templates: [...]`). */
export function analysisRef(d: DeploymentIR, role: AnalysisRole, a: AnalysisIR): RolloutAnalysis {
  const { templateName, ...rest } = analysisRefFlat(d, role, a);
  return { templates: [{ templateName }], ...rest };
}

export function pause(p: CanaryStepIR['pause']): CanaryStep[] {
  if (!p) return [];
  return [{ pause: p.kind === 'manual' ? {} : { duration: p.duration } }];
}

/** The champion/challenger offline-gate check, run before any traffic reaches the candidate. */
export function offlineGate(d: DeploymentIR): CanaryStep[] {
  const s = d.strategy;
  return s.kind === 'championChallenger' && s.offlineGate.verify
    ? [{ analysis: analysisRef(d, 'offline-gate', s.offlineGate.verify) }]
    : [];
}

/**
 * Host-level routing names the stable and canary Services; subset-level routing names the
 * DestinationRule instead (Rollouts then needs no Services of its own and relabels the subsets).
 */
export function routed(d: DeploymentIR, managedRoutes: readonly string[]): Omit<CanaryStrategy, 'steps'> {
  const rule = d.names.destinationRule;
  return {
    ...(rule ? {} : { canaryService: d.names.canaryService, stableService: d.names.stableService }),
    ...(d.names.virtualService
      ? {
          trafficRouting: {
            istio: {
              virtualService: { name: d.names.virtualService, routes: [ROLLOUT_ROUTES.primary] },
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
export function weightSteps(d: DeploymentIR, c: CanaryIR): CanaryStep[] {
  const gate = c.analysis;
  return c.steps.flatMap((s): CanaryStep[] => [
    { setWeight: s.weight },
    ...pause(s.pause),
    ...(gate && c.analysisMode === 'steps' ? [{ analysis: analysisRef(d, 'canary', gate) }] : []),
  ]);
}

/** The background analysis of a canary, started right after its first setWeight step so the candidate has traffic to measure. */
export function backgroundAnalysis(
  d: DeploymentIR,
  c: CanaryIR,
  firstWeightStep: number,
): Pick<CanaryStrategy, 'analysis'> {
  const gate = c.analysis;
  return gate && c.analysisMode === 'background'
    ? { analysis: { ...analysisRef(d, 'canary', gate), startingStep: firstWeightStep + 1 } }
    : {};
}
