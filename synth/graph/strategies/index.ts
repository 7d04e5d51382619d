import type { DeploymentIR } from '../../../dsl/ir/index.ts';
import { onlineStrategy, type OnlineStrategyIR } from '../../../dsl/ir/strategy.ts';
import { abTestGraph } from './ab-test.ts';
import { blueGreenGraph } from './blue-green.ts';
import { canaryGraph } from './canary.ts';
import type { StrategyGraph } from './hooks.ts';
import { shadowGraph } from './shadow.ts';

/** Every strategy's graph hooks, by kind: tsc fails until a new strategy registers its own. */
const STRATEGY_GRAPHS: {
  readonly [K in OnlineStrategyIR['kind']]: StrategyGraph<Extract<OnlineStrategyIR, { kind: K }>>;
} = { canary: canaryGraph, shadow: shadowGraph, abTest: abTestGraph, blueGreen: blueGreenGraph };

/** The graph hooks of the strategy that routes a deployment's traffic, with that strategy. */
export function strategyGraph(d: DeploymentIR): { graph: StrategyGraph<OnlineStrategyIR>; strategy: OnlineStrategyIR } {
  const strategy = onlineStrategy(d.strategy);
  return { graph: STRATEGY_GRAPHS[strategy.kind] as StrategyGraph<OnlineStrategyIR>, strategy };
}

export type { StrategyGraph } from './hooks.ts';
