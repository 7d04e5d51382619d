import type { AnalysisIR, ModelVersionIR, RecorderIR } from '../deployment.ts';
import type { StrategyModel } from './model.ts';

/** A step of a canary: traffic weight, then a pause (`manual` waits for a promote). */
export interface CanaryStepIR {
  readonly weight: number;
  readonly pause?:
    { readonly kind: 'duration'; readonly duration: string; readonly seconds: number } | { readonly kind: 'manual' };
}

export interface CanaryIR {
  readonly kind: 'canary';
  readonly candidate?: ModelVersionIR;
  readonly steps: readonly CanaryStepIR[];
  readonly analysis?: AnalysisIR;
  readonly analysisMode: 'background' | 'steps';
  /** KServe: record the promotion in git once the candidate serves 100 %. */
  readonly recordPromotion?: RecorderIR;
}

/**
 * A weighted canary: plain servers run it as a canary Rollout, KServe as a `spec.canary[]`
 * predictor whose traffic a promotion workflow moves step by step.
 */
export const canaryModel: StrategyModel<CanaryIR> = {
  kind: 'canary',
  title: () => 'canary',
  analyses: (s) => (s.analysis ? [['canary', s.analysis]] : []),
  mapAnalyses: (s, fn) => (s.analysis ? { ...s, analysis: fn(s.analysis, 'canary') } : s),
  candidates: (s) => [{ name: 'candidate', declaredAs: 'candidate', ...(s.candidate ? { model: s.candidate } : {}) }],
  decidesOn: (s) => s.candidate,
  preview: false,
  mirrored: false,
  server: { rollout: 'canary', managedRoutes: () => [] },
  kserve: { promotion: 'in-place', logsPayloads: false },
};
