import type { AbTestIR } from '../../../dsl/ir/index.ts';
import { ROLLOUT_ROUTES } from '../../../dsl/ir/strategy.ts';
import { abDecisionAnalysis, candidateVariant } from '../../../dsl/ir/strategies/ab-test.ts';
import type { RolloutEmitter } from './emitter.ts';
import { EXPERIMENT_ARM_LABEL } from '../pod-monitor.ts';
import { analysisRef, analysisRefFlat, offlineGate, routed } from './steps.ts';

/**
 * An A/B test Rollout: a weighted `experiment` step whose decision analysis ends it, or a sticky
 * header/cookie route to the candidate for the test's duration, then the decision.
 */
export const abTestRollout: RolloutEmitter<AbTestIR> = {
  strategy: (d, ab, serving) => {
    const replicas = serving.replicas;
    const candidate = candidateVariant(ab);
    const decision = analysisRefFlat(d, 'ab-test', abDecisionAnalysis(ab));
    const tail = ab.autoPromote ? [] : [{ pause: {} }];
    if (ab.assignBy.kind === 'weight') {
      // The experiment's analysis waits out the test duration (initialDelay) and ends the experiment.
      const arm = (name: string, specRef: 'stable' | 'canary', weight: number | undefined) => ({
        name,
        specRef,
        // The arm's pods say which arm they are; the experiment's Service carries no labels.
        metadata: { labels: { [EXPERIMENT_ARM_LABEL]: name } },
        replicas,
        ...(weight !== undefined ? { weight } : {}),
        service: { name: `${d.name}-${name}` },
      });
      const primary = ab.variants.find((v) => v.name === ab.primary);
      return {
        canary: {
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
        },
      };
    }
    const match =
      ab.assignBy.kind === 'header'
        ? { headerName: ab.assignBy.name, headerValue: { exact: candidate?.name } }
        : {
            headerName: 'cookie',
            headerValue: { regex: `^(.*?;\\s*)?${ab.assignBy.name}=${candidate?.name}(;.*)?$` },
          };
    const pre = offlineGate(d);
    return {
      canary: {
        ...routed(d, [ROLLOUT_ROUTES.ab]),
        // Guardrails watch from the moment the cohort is routed to the candidate.
        ...(ab.analysis
          ? { analysis: { ...analysisRef(d, 'guardrails', ab.analysis), startingStep: pre.length + 2 } }
          : {}),
        steps: [
          ...pre,
          // Header routes need candidate pods although the weighted route sends them nothing.
          { setCanaryScale: { replicas } },
          { setHeaderRoute: { name: ROLLOUT_ROUTES.ab, match: [match] } },
          { pause: { duration: ab.duration } },
          { analysis: analysisRef(d, 'ab-test', abDecisionAnalysis(ab)) },
          { setHeaderRoute: { name: ROLLOUT_ROUTES.ab } },
          ...tail,
        ],
      },
    };
  },
};
