import { windowed } from '../../../dsl/ir/analysis-window.ts';
import type { ShadowIR } from '../../../dsl/ir/index.ts';
import { ROLLOUT_ROUTES } from '../../../dsl/ir/strategy.ts';
import type { CanaryStep } from '../../imports/argo-rollouts.ts';
import type { RolloutEmitter } from './emitter.ts';
import { analysisRef, backgroundAnalysis, offlineGate, routed, weightSteps } from './steps.ts';

/**
 * A shadow Rollout: the challenger scaled to the mirrored share, a mirror route for the window,
 * its analysis, the route removed; then either promotion or the canary steps of `then`.
 */
export const shadowRollout: RolloutEmitter<ShadowIR> = {
  strategy: (d, s, serving) => {
    const gate = s.analysis ? windowed(s.analysis, s.durationSeconds) : undefined;
    const mirrored: CanaryStep[] = [
      ...offlineGate(d),
      // Mirrored load needs capacity in proportion to the mirrored share.
      { setCanaryScale: { replicas: Math.max(1, Math.ceil((serving.replicas * s.mirrorPercent) / 100)) } },
      // A mirror route without a match is removed again, so a catch-all match is required.
      {
        setMirrorRoute: {
          name: ROLLOUT_ROUTES.mirror,
          percentage: s.mirrorPercent,
          match: [{ path: { prefix: '/' } }],
        },
      },
      ...(!gate || gate.waitFirst ? [{ pause: { duration: s.duration } }] : []),
      ...(s.analysis ? [{ analysis: analysisRef(d, 'shadow', s.analysis) }] : []),
      { setMirrorRoute: { name: ROLLOUT_ROUTES.mirror } },
      ...(s.autoPromote ? [] : [{ pause: {} }]),
    ];
    if (!s.then) return { canary: { ...routed(d, [ROLLOUT_ROUTES.mirror]), steps: mirrored } };
    // The canary that follows sizes the challenger by its traffic weight again, not by the mirrored share.
    const rescale: CanaryStep = { setCanaryScale: { matchTrafficWeight: true } };
    return {
      canary: {
        ...routed(d, [ROLLOUT_ROUTES.mirror]),
        ...backgroundAnalysis(d, s.then, mirrored.length + 1),
        steps: [...mirrored, rescale, ...weightSteps(d, s.then)],
      },
    };
  },
};
