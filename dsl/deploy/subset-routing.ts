import { DslError, type PathSegment } from '../errors.ts';
import type { MeshIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { onlineStrategy } from '../ir/strategy.ts';
import { strategyRules } from './strategy-registry.ts';

/** Whether a deployment splits with Argo Rollouts' subset-level Istio mode (one Service, DestinationRule subsets). */
export function subsetRouted(mesh: MeshIR): boolean {
  return mesh.kind === 'istio' && mesh.routing === 'subsets';
}

/**
 * Rejects `istio({ routing: 'subsets' })` where it would route nothing or where the gate could
 * no longer tell the arms apart. Argo Rollouts itself supports setWeight, setMirrorRoute,
 * setHeaderRoute and weighted experiment steps with a DestinationRule (header and mirror routes
 * target the rule's host and canary subset; experiment arms keep their own Services).
 */
export function checkSubsetRouting(
  serving: ServingIR,
  strategy: StrategyIR,
  mesh: MeshIR,
  path: readonly PathSegment[],
): void {
  if (!subsetRouted(mesh)) return;
  const at = [...path, 'mesh', 'routing'];
  if (serving.kind === 'kserve') {
    throw new DslError({
      path: at,
      problem:
        'subset-level routing is an Argo Rollouts mode for plain servers; KServe routes between predictor Services (or Knative revisions) it creates itself',
      got: 'subsets',
      fix: "Remove routing: 'subsets', or serve with server({...})",
    });
  }
  strategyRules(strategy).subsets?.(onlineStrategy(strategy), at);
}
