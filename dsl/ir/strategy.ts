import type { ChampionChallengerIR, StrategyIR } from './deployment.ts';

/** A strategy that routes traffic itself: every strategy but champion/challenger, which wraps one. */
export type OnlineStrategyIR = Exclude<StrategyIR, ChampionChallengerIR>;

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
