import type { CanaryIR } from '../../../dsl/ir/index.ts';
import { candidates, stableName } from '../deployment-describe.ts';
import type { StrategyGraph } from './hooks.ts';

export const canaryGraph: StrategyGraph<CanaryIR> = {
  kserveSynced: (d, _s, serving) => {
    const label = candidates(d)[0]?.label;
    return serving.deploymentMode === 'Knative'
      ? [
          `InferenceService ${d.names.workload}: previous revision 100%`,
          `${label} as latest revision at canaryTrafficPercent 0`,
        ]
      : [`InferenceService ${d.names.workload}: ${stableName(d)} 100%`, `${label} in spec.canary[] at 0%`];
  },
};
