import type { DeploymentIR, ModelVersionIR, ServerServingIR } from '../../dsl/ir/index.ts';
import type { Rollout } from '../imports/argo-rollouts.ts';
import { deploymentAnnotations } from '../deployment-meta.ts';
import { candidatesOf } from '../../dsl/ir/strategy.ts';
import { DEPLOYMENT_LABEL } from '../k8s/serving.ts';
import { serverPodTemplate } from './pod-template.ts';
import { rolloutStrategy } from './strategies/index.ts';

/** The version the Rollout's pod template describes: the strategy's (first) candidate, if any. */
export function serverCandidate(d: DeploymentIR): ModelVersionIR | undefined {
  return candidatesOf(d.strategy)[0]?.model;
}

/**
 * An Argo Rollout running the model server. Only a change of the pod template starts an update,
 * so the model version lives in the template (image, args, env, version label). On the very first
 * deploy a Rollout skips its steps and analysis and goes straight to 100 %.
 */
export function rollout(d: DeploymentIR, s: ServerServingIR, namespace: string | undefined): Rollout {
  const annotations = deploymentAnnotations(d);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
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
