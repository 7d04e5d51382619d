import type { KServeServingIR } from '../../../dsl/ir/index.ts';

/** The traffic field of an in-place promotion, which only the live object knows. */
export const inPlaceOwnedFields = (s: KServeServingIR): string[] => [
  s.deploymentMode === 'Knative' ? '.spec.predictor.canaryTrafficPercent' : '.spec.canary[].trafficPercent',
];
