import type {
  AnalysisIR,
  AnalysisRole,
  ChampionChallengerIR,
  DeploymentIR,
  ServingIR,
  StrategyIR,
} from './deployment.ts';
import { abTestModel } from './strategies/ab-test.ts';
import { blueGreenModel } from './strategies/blue-green.ts';
import { canaryModel } from './strategies/canary.ts';
import type { CandidateIR, StrategyModel } from './strategies/model.ts';
import { shadowModel } from './strategies/shadow.ts';

export type { CandidateIR, StrategyModel } from './strategies/model.ts';
export { ROLLOUT_ROUTES } from './strategies/model.ts';

/** A strategy that routes traffic itself: every strategy but champion/challenger, which wraps one. */
export type OnlineStrategyIR = Exclude<StrategyIR, ChampionChallengerIR>;

/** Every online strategy's declaration, by kind: a new strategy is one module plus one line here. */
export const STRATEGY_MODELS: {
  readonly [K in OnlineStrategyIR['kind']]: StrategyModel<Extract<OnlineStrategyIR, { readonly kind: K }>>;
} = { canary: canaryModel, shadow: shadowModel, abTest: abTestModel, blueGreen: blueGreenModel };

/**
 * The strategy that actually routes traffic: champion/challenger delegates to its online phase.
 * The one definition the builders, every backend and `argosy graph` share.
 *
 * @example
 * ```ts
 * const e = onlineStrategy(d.strategy);
 * if (e.kind === 'abTest') ...
 * ```
 */
export function onlineStrategy(s: StrategyIR): OnlineStrategyIR {
  return s.kind === 'championChallenger' ? s.online : s;
}

/**
 * The declaration of the strategy that routes traffic, typed for that strategy.
 * @example
 * ```ts
 * if (strategyModel(d.strategy).kserve.promotion === 'in-place') ...
 * ```
 */
export function strategyModel<S extends OnlineStrategyIR>(s: S | StrategyIR): StrategyModel<S> {
  return STRATEGY_MODELS[onlineStrategy(s).kind] as unknown as StrategyModel<S>;
}

/** `canary`, or `champion/challenger, online: A/B test`. */
export function strategyTitle(s: StrategyIR): string {
  const online = strategyModel(s).title(onlineStrategy(s));
  return s.kind === 'championChallenger' ? `champion/challenger, online: ${online}` : online;
}

/** The new versions a strategy brings in (a champion/challenger's are its online phase's). */
export function candidatesOf(s: StrategyIR): readonly CandidateIR[] {
  return strategyModel(s).candidates(onlineStrategy(s));
}

/** Every analysis the user declared, with the role it plays (the A/B decision is built by the backends). */
export function analysesOf(s: StrategyIR): [AnalysisRole, AnalysisIR][] {
  const gate: [AnalysisRole, AnalysisIR][] =
    s.kind === 'championChallenger' && s.offlineGate.verify ? [['offline-gate', s.offlineGate.verify]] : [];
  return [
    ...gate,
    ...strategyModel(s)
      .analyses(onlineStrategy(s))
      .map(([r, a]): [AnalysisRole, AnalysisIR] => [r, a]),
  ];
}

/** The same strategy with every declared analysis, the offline gate's included, replaced by `fn`'s. */
export function mapAnalyses<S extends StrategyIR>(s: S, fn: (a: AnalysisIR, role: AnalysisRole) => AnalysisIR): S {
  if (s.kind !== 'championChallenger') return strategyModel(s).mapAnalyses(s as OnlineStrategyIR, fn) as S;
  const cc = s as ChampionChallengerIR;
  const verify = cc.offlineGate.verify ? fn(cc.offlineGate.verify, 'offline-gate') : undefined;
  const online = strategyModel(cc).mapAnalyses(cc.online, fn) as ChampionChallengerIR['online'];
  return { ...cc, offlineGate: { ...cc.offlineGate, ...(verify ? { verify } : {}) }, online } as S;
}

/**
 * Every analysis of a strategy as its AnalysisTemplate renders it, with its role: the offline
 * gate's check, the decisions the strategy builds (the A/B test's), then the declared ones.
 *
 * @example
 * ```ts
 * for (const [role, a] of renderedAnalyses(d.strategy, d.serving)) addTemplate(d.names.analysisTemplates[role], a);
 * ```
 */
export function renderedAnalyses(s: StrategyIR, serving: ServingIR): [AnalysisRole, AnalysisIR][] {
  const e = onlineStrategy(s);
  const model = strategyModel(s);
  const [gate, declared] = partitionGate(analysesOf(s));
  const decisions = (model.decisions?.(e, serving) ?? []).map(([r, a]): [AnalysisRole, AnalysisIR] => [r, a]);
  return [...gate, ...decisions, ...declared].map(([r, a]) => [r, model.rendered ? model.rendered(e, r, a) : a]);
}

/** The analyses of a deployment as rendered; see {@link renderedAnalyses}. */
export function deploymentAnalyses(d: DeploymentIR): [AnalysisRole, AnalysisIR][] {
  return renderedAnalyses(d.strategy, d.serving);
}

function partitionGate(all: [AnalysisRole, AnalysisIR][]): [typeof all, typeof all] {
  return [all.filter(([r]) => r === 'offline-gate'), all.filter(([r]) => r !== 'offline-gate')];
}
