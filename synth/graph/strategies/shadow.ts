import type { ShadowIR } from '../../../dsl/ir/index.ts';
import { candidates, stableName } from '../deployment-describe.ts';
import type { StrategyGraph } from './hooks.ts';

export const shadowGraph: StrategyGraph<ShadowIR> = {
  kserveSynced: (d, s) => [
    `VirtualService ${d.names.virtualService}: 100% → ${stableName(d)}`,
    ...candidates(d).map(
      (c) => `copy ${s.mirrorPercent}% to ${d.names.inferenceServices[c.name] ?? c.name} (${c.label})`,
    ),
    'mirrored answers are discarded',
  ],
};
