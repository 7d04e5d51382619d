import type { CanaryIR } from '../deployment.ts';
import type { StrategyModel } from './model.ts';

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
