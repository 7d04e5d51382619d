import type { DeploymentIR } from '../../../dsl/ir/index.ts';
import { onlineStrategy, type OnlineStrategyIR } from '../../../dsl/ir/strategy.ts';
import { abTestKServe } from './ab-test.ts';
import { blueGreenKServe } from './blue-green.ts';
import { canaryKServe } from './canary.ts';
import type { KServeEmitter } from './emitter.ts';
import { shadowKServe } from './shadow.ts';

/** Every strategy's KServe emitter, by kind: tsc fails until a new strategy registers one. */
const KSERVE_EMITTERS: {
  readonly [K in OnlineStrategyIR['kind']]: KServeEmitter<Extract<OnlineStrategyIR, { kind: K }>>;
} = { canary: canaryKServe, shadow: shadowKServe, abTest: abTestKServe, blueGreen: blueGreenKServe };

/** The KServe emitter of the strategy that routes a deployment's traffic, with that strategy. */
export function kserveEmitter(d: DeploymentIR): {
  emitter: KServeEmitter<OnlineStrategyIR>;
  strategy: OnlineStrategyIR;
} {
  const strategy = onlineStrategy(d.strategy);
  return { emitter: KSERVE_EMITTERS[strategy.kind] as KServeEmitter<OnlineStrategyIR>, strategy };
}

export type { KServeEmitter } from './emitter.ts';
