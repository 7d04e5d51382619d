import type { DeploymentIR } from '../dsl/ir/index.ts';

/** Annotations on a deployment's workload: its description and the offline gate it relies on. */
export function deploymentAnnotations(d: DeploymentIR): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.description) out['argosy.dev/description'] = d.description;
  if (d.strategy.kind === 'championChallenger' && d.strategy.offlineGate.pipeline)
    out['argosy.dev/offline-gate-pipeline'] = d.strategy.offlineGate.pipeline;
  return out;
}
