import type { BlueGreenIR } from '../../../dsl/ir/index.ts';
import { candidates, stableName } from '../deployment-describe.ts';
import type { StrategyGraph } from './hooks.ts';

export const blueGreenGraph: StrategyGraph<BlueGreenIR> = {
  kserveSynced: (d) => {
    const label = candidates(d)[0]?.label;
    return [
      `InferenceService ${d.names.workload}: ${stableName(d)} 100%`,
      `${label} in spec.canary[] at 0% (dark)`,
      ...(d.names.previewService ? [`preview Service ${d.names.previewService} → ${label}`] : []),
    ];
  },
};
