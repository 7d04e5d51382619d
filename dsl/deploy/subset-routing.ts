import { DslError, type PathSegment } from '../errors.ts';
import type { MeshIR, ServingIR, StrategyIR } from '../ir/index.ts';
import { onlineStrategy } from '../ir/strategy.ts';

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
  const e = onlineStrategy(strategy);
  if (e.kind === 'blueGreen') {
    throw new DslError({
      path: at,
      problem:
        'a blue/green Rollout switches the selectors of its active and preview Services and uses no VirtualService or DestinationRule, so there is nothing to split by subset',
      got: 'subsets',
      fix: "Remove routing: 'subsets', or use canary()",
    });
  }
  if (e.kind === 'abTest' && e.assignBy.kind !== 'weight') {
    throw new DslError({
      path: at,
      problem: `the A/B decision queries each arm by its own Service, and with subset-level routing both arms of a ${e.assignBy.kind}-routed test are endpoints of the one Service, so the test would compare the Service with itself`,
      got: 'subsets',
      fix: "Use routing: 'hosts' (the default), or assignBy: 'weight' (the experiment's arms get Services of their own)",
    });
  }
}
