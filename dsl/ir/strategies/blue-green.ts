import type { AnalysisIR, AnalysisRole, ModelVersionIR, RecorderIR } from '../deployment.ts';
import type { StrategyModel } from './model.ts';

export interface BlueGreenIR {
  readonly kind: 'blueGreen';
  readonly candidate?: ModelVersionIR;
  readonly autoPromote: boolean;
  readonly prePromotionAnalysis?: AnalysisIR;
  readonly postPromotionAnalysis?: AnalysisIR;
  readonly scaleDownDelaySeconds?: number;
  readonly previewReplicas?: number;
  /** KServe: record the promotion in git once the candidate serves 100 %. */
  readonly recordPromotion?: RecorderIR;
}

/**
 * Blue/green: plain servers run a blueGreen Rollout (active and preview Services), KServe a dark
 * launch in `spec.canary[]` at 0 % behind a preview Service, switched by a promotion workflow.
 */
export const blueGreenModel: StrategyModel<BlueGreenIR> = {
  kind: 'blueGreen',
  title: () => 'blue/green',
  analyses: (s) => [
    ...(s.prePromotionAnalysis ? [['pre-promotion', s.prePromotionAnalysis] as const] : []),
    ...(s.postPromotionAnalysis ? [['post-promotion', s.postPromotionAnalysis] as const] : []),
  ],
  mapAnalyses: (s, fn: (a: AnalysisIR, role: AnalysisRole) => AnalysisIR) => ({
    ...s,
    ...(s.prePromotionAnalysis ? { prePromotionAnalysis: fn(s.prePromotionAnalysis, 'pre-promotion') } : {}),
    ...(s.postPromotionAnalysis ? { postPromotionAnalysis: fn(s.postPromotionAnalysis, 'post-promotion') } : {}),
  }),
  candidates: (s) => [{ name: 'candidate', declaredAs: 'candidate', ...(s.candidate ? { model: s.candidate } : {}) }],
  decidesOn: (s) => s.candidate,
  preview: true,
  mirrored: false,
  server: { rollout: 'blueGreen', managedRoutes: () => [] },
  kserve: { promotion: 'in-place', logsPayloads: false },
};
