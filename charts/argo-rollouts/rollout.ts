import type { DeploymentIR, ModelVersionIR, ServerServingIR } from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { deploymentAnnotations } from '../deployment-meta.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import { ROLLOUTS_API_VERSION } from './analysis-template.ts';
import { DEPLOYMENT_LABEL, serverPodTemplate } from './pod-template.ts';
import { rolloutStrategy } from './rollout-strategy.ts';

/** The version the Rollout's pod template describes: the strategy's candidate, if any. */
export function serverCandidate(d: DeploymentIR): ModelVersionIR | undefined {
  const e = onlineStrategy(d.strategy);
  switch (e.kind) {
    case 'canary':
    case 'blueGreen':
      return e.candidate;
    case 'shadow':
      return e.challengers[0]?.model;
    case 'abTest':
      return e.variants.find((v) => v.name !== e.primary)?.model;
  }
}

/**
 * An Argo Rollout running the model server. Only a change of the pod template starts an update,
 * so the model version lives in the template (image, args, env, version label). On the very first
 * deploy a Rollout skips its steps and analysis and goes straight to 100 %.
 */
export function rollout(d: DeploymentIR, s: ServerServingIR, namespace: string | undefined): ObjectSpec {
  const annotations = deploymentAnnotations(d);
  return {
    apiVersion: ROLLOUTS_API_VERSION,
    kind: 'Rollout',
    metadata: {
      name: d.names.workload,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      replicas: s.replicas,
      selector: { matchLabels: { [DEPLOYMENT_LABEL]: d.name } },
      template: serverPodTemplate(d, s, serverCandidate(d)),
      strategy: rolloutStrategy(d, s),
    },
  };
}
