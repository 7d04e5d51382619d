import type { DeploymentIR } from '../../dsl/ir/index.ts';
import type { DestinationRule } from '../imports/istio.ts';
import { DEPLOYMENT_LABEL, SUBSETS } from '../k8s/serving.ts';
import { runtimeOwnedAnnotation } from '../deployment-sync.ts';

/**
 * Subset-level routing of a plain server: the DestinationRule on the deployment's one Service.
 * Both subsets start with the deployment label only; Argo Rollouts adds each ReplicaSet's
 * `rollouts-pod-template-hash` at run time. No traffic policy: the rule is the one Istio applies
 * to this host, and outlier detection on it would eject failing canary pods and hide exactly
 * the errors the gate must see.
 */
export function destinationRule(d: DeploymentIR, namespace: string | undefined): DestinationRule | undefined {
  const name = d.names.destinationRule;
  if (!name) return undefined;
  const labels = { [DEPLOYMENT_LABEL]: d.name };
  const owned = runtimeOwnedAnnotation(d, 'DestinationRule', name);
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      ...(Object.keys(owned).length ? { annotations: owned } : {}),
    },
    spec: {
      host: d.names.service as string,
      subsets: [
        { name: SUBSETS.stable, labels: { ...labels } },
        { name: SUBSETS.canary, labels: { ...labels } },
      ],
    },
  };
}
