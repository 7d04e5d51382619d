import type { DeploymentIR } from '../../dsl/ir/index.ts';
import { ROLLOUT_ROUTES } from '../../dsl/ir/strategy.ts';
import { SERVICE_PORT, SUBSETS } from '../k8s/serving.ts';
import { meshBinding } from '../deployment-meta.ts';
import { runtimeOwnedAnnotation } from '../deployment-sync.ts';
import type { HTTPRouteDestination, VirtualService } from '../imports/istio.ts';

const dest = (host: string, weight: number, subset?: string): HTTPRouteDestination => ({
  destination: { host, ...(subset ? { subset } : {}), port: { number: SERVICE_PORT } },
  weight,
});

/**
 * A plain server's VirtualService, the route Argo Rollouts edits. It starts 100/0 between the
 * stable and canary Services (subset-level routing: the `stable` and `canary` subsets of the one
 * Service); Rollouts moves the weights and adds its managed mirror/header routes in front. A
 * KServe deployment's VirtualService is its strategy's (charts/kserve).
 */
export function virtualService(d: DeploymentIR, namespace: string | undefined): VirtualService | undefined {
  const name = d.names.virtualService;
  if (!name || d.serving.kind !== 'server') return undefined;
  const host = d.names.service as string;
  const route = d.names.destinationRule
    ? [dest(host, 100, SUBSETS.stable), dest(host, 0, SUBSETS.canary)]
    : [dest(d.names.stableService as string, 100), dest(d.names.canaryService as string, 0)];
  const owned = runtimeOwnedAnnotation(d, 'VirtualService', name);
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      ...(Object.keys(owned).length ? { annotations: owned } : {}),
    },
    spec: { ...meshBinding(d, host), http: [{ name: ROLLOUT_ROUTES.primary, route }] },
  };
}
