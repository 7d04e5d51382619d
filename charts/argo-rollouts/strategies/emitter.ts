import type { DeploymentIR, ServerServingIR } from '../../../dsl/ir/index.ts';
import type { RolloutStrategy } from '../../imports/argo-rollouts.ts';

/**
 * What a strategy emits for a plain model server: the `spec.strategy` of its Rollout. The rest
 * (Services, VirtualService, DestinationRule, AnalysisTemplates) follows from the strategy's
 * declaration (dsl/ir/strategies/) and the names the builder planned.
 */
export interface RolloutEmitter<S> {
  strategy(d: DeploymentIR, s: S, serving: ServerServingIR): RolloutStrategy;
}
