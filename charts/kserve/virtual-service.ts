import type { DeploymentIR } from '../../dsl/ir/index.ts';
import { meshBinding } from '../deployment-meta.ts';
import type { HTTPRoute, VirtualService } from '../imports/istio.ts';

/**
 * The VirtualService of a side-by-side KServe strategy (shadow, A/B): the strategy's routes
 * between the predictor Services. It is the object the evaluation workflow owns a field of.
 */
export function virtualService(
  d: DeploymentIR,
  routes: readonly HTTPRoute[],
  namespace: string | undefined,
): VirtualService | undefined {
  const name = d.names.virtualService;
  if (!name) return undefined;
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...d.labels } },
    spec: { ...meshBinding(d, d.names.predictorServices?.primary as string), http: routes },
  };
}
