import type { StrategyIR } from '../ir/index.ts';
import { onlineStrategy, type OnlineStrategyIR } from '../ir/strategy.ts';
import { abTestRules } from './strategy-ab-test.ts';
import { blueGreenRules } from './strategy-blue-green.ts';
import { canaryRules } from './strategy-canary.ts';
import type { StrategyRules } from './strategy-rules.ts';
import { shadowRules } from './strategy-shadow.ts';

/** Every online strategy's serving-kind rules, by kind: a new strategy adds its rules here. */
const STRATEGY_RULES: {
  readonly [K in OnlineStrategyIR['kind']]: StrategyRules<Extract<OnlineStrategyIR, { kind: K }>>;
} = { canary: canaryRules, shadow: shadowRules, abTest: abTestRules, blueGreen: blueGreenRules };

/** The rules of the strategy that routes traffic. */
export function strategyRules(s: StrategyIR): StrategyRules<OnlineStrategyIR> {
  return STRATEGY_RULES[onlineStrategy(s).kind] as StrategyRules<OnlineStrategyIR>;
}
