import { windowed } from '../analysis-window.ts';
import type { ShadowIR } from '../deployment.ts';
import { canaryModel } from './canary.ts';
import { ROLLOUT_ROUTES, type StrategyModel } from './model.ts';

/**
 * Shadow: challengers get mirrored copies of live requests and are judged by an analysis fitted
 * to the mirroring window. Plain servers: a canary Rollout with a mirror route (optionally canary
 * steps after it); KServe: a challenger InferenceService each, mirrored by an Istio VirtualService.
 */
export const shadowModel: StrategyModel<ShadowIR> = {
  kind: 'shadow',
  title: (s) => (s.then ? 'shadow, then canary' : 'shadow'),
  analyses: (s) => [
    ...(s.analysis ? [['shadow', s.analysis] as const] : []),
    ...(s.then ? canaryModel.analyses(s.then) : []),
  ],
  mapAnalyses: (s, fn) => {
    const then = s.then ? canaryModel.mapAnalyses(s.then, fn) : undefined;
    return { ...s, ...(s.analysis ? { analysis: fn(s.analysis, 'shadow') } : {}), ...(then ? { then } : {}) };
  },
  rendered: (s, role, a) => (role === 'shadow' ? windowed(a, s.durationSeconds).analysis : a),
  candidates: (s) =>
    s.challengers.map((c) => ({ name: c.name, declaredAs: 'challenger', ...(c.model ? { model: c.model } : {}) })),
  decidesOn: (s) => s.challengers,
  preview: false,
  mirrored: true,
  server: { rollout: 'canary', managedRoutes: () => [ROLLOUT_ROUTES.mirror] },
  kserve: { promotion: 'side-by-side', logsPayloads: true },
};
