import type { CanaryIR } from '../../../dsl/ir/index.ts';
import type { RolloutEmitter } from './emitter.ts';
import { backgroundAnalysis, offlineGate, routed, weightSteps } from './steps.ts';

/** A canary Rollout: setWeight/pause steps, its analysis in the background or after each step. */
export const canaryRollout: RolloutEmitter<CanaryIR> = {
  strategy: (d, c) => {
    const pre = offlineGate(d);
    return {
      canary: { ...routed(d, []), ...backgroundAnalysis(d, c, pre.length), steps: [...pre, ...weightSteps(d, c)] },
    };
  },
};
