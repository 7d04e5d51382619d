import { DslError, seg, type PathSegment } from '../errors.ts';
import type { DeploymentIR } from '../ir/index.ts';
import type { ModelDeployment } from './model-deployment.ts';

export type { ModelDeployment } from './model-deployment.ts';

/**
 * Resolves an app's deployments: every value must come from modelDeployment(), and the training
 * pipeline a champion/challenger offline gate relies on must be deployed by the same app.
 */
export function resolveDeployments(
  deployments: readonly ModelDeployment[],
  pipelines: readonly string[],
  path: readonly PathSegment[],
): DeploymentIR[] {
  return deployments.map((d, i) => {
    if (!d || d.kind !== 'modelDeployment') {
      throw new DslError({
        path: [...path, `deployments[${i}]`],
        problem: 'expected a model deployment',
        got: d,
        fix: 'Build it with modelDeployment(name, { serving, strategy })',
      });
    }
    const s = d.ir.strategy;
    if (
      s.kind === 'championChallenger' &&
      s.offlineGate.pipeline !== undefined &&
      !pipelines.includes(s.offlineGate.pipeline)
    ) {
      throw new DslError({
        path: [...path, seg('deployment', d.name), 'offlineGate'],
        problem: `the offline gate relies on pipeline "${s.offlineGate.pipeline}", which this app does not deploy`,
        got: s.offlineGate.pipeline,
        fix: 'Add the training pipeline (or a schedule of it) to the same app',
      });
    }
    return d.ir;
  });
}
