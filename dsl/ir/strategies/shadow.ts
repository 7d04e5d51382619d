import { windowed } from '../analysis-window.ts';
import type { AnalysisIR, ModelVersionIR } from '../deployment.ts';
import type { CanaryIR } from './canary.ts';
import { canaryModel } from './canary.ts';
import { ROLLOUT_ROUTES, type StrategyModel } from './model.ts';

export interface ShadowIR {
  readonly kind: 'shadow';
  /** One challenger, or several under champion/challenger on KServe. */
  readonly challengers: readonly { readonly name: string; readonly model?: ModelVersionIR }[];
  readonly mirrorPercent: number;
  readonly duration: string;
  readonly durationSeconds: number;
  readonly analysis?: AnalysisIR;
  /** Server only: after a passing shadow phase the Rollout goes on (true) or waits for a human (false). */
  readonly autoPromote: boolean;
  /** Server only: canary steps that shift real traffic to the challenger once the shadow phase passed. */
  readonly then?: CanaryIR;
}

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
