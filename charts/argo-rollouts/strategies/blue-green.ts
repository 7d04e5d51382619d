import type { BlueGreenIR } from '../../../dsl/ir/index.ts';
import type { RolloutEmitter } from './emitter.ts';
import { analysisRef } from './steps.ts';

/** A blueGreen Rollout: the preview Service on the new pods, its gates, then the switch of the active Service. */
export const blueGreenRollout: RolloutEmitter<BlueGreenIR> = {
  strategy: (d, b) => ({
    blueGreen: {
      activeService: d.names.service as string,
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
    },
  }),
};
