import type { DeploymentIR, ServerServingIR } from '../../../dsl/ir/index.ts';
import { onlineStrategy, type OnlineStrategyIR } from '../../../dsl/ir/strategy.ts';
import type { RolloutStrategy } from '../../imports/argo-rollouts.ts';
import { abTestRollout } from './ab-test.ts';
import { blueGreenRollout } from './blue-green.ts';
import { canaryRollout } from './canary.ts';
import type { RolloutEmitter } from './emitter.ts';
import { shadowRollout } from './shadow.ts';

/** Every strategy's Rollout emitter, by kind: tsc fails until a new strategy registers one. */
const ROLLOUT_EMITTERS: {
  readonly [K in OnlineStrategyIR['kind']]: RolloutEmitter<Extract<OnlineStrategyIR, { kind: K }>>;
} = { canary: canaryRollout, shadow: shadowRollout, abTest: abTestRollout, blueGreen: blueGreenRollout };

/** The Rollout `spec.strategy` for a plain-server deployment. */
export function rolloutStrategy(d: DeploymentIR, s: ServerServingIR): RolloutStrategy {
  const e = onlineStrategy(d.strategy);
  return (ROLLOUT_EMITTERS[e.kind] as RolloutEmitter<OnlineStrategyIR>).strategy(d, e, s);
}
