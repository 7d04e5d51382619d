import type { AppIR, DeploymentIR } from '../dsl/ir/index.ts';
import { onlineStrategy } from './deployment-meta.ts';
import type { IgnoreDifference } from './target.ts';

/**
 * Fields of a deployment's objects that a controller or the promotion workflow changes at run
 * time, so Argo CD must neither report nor revert them: Argo Rollouts moves VirtualService weights
 * and adds its managed routes; a KServe workflow owns exactly one traffic field. Use with the
 * `RespectIgnoreDifferences=true` sync option so a sync keeps the live values.
 *
 * @example
 * ```ts
 * application.spec.ignoreDifferences = app.deployments.flatMap((d) => deploymentIgnoreDifferences(d, ns));
 * ```
 */
export function deploymentIgnoreDifferences(d: DeploymentIR, namespace?: string): IgnoreDifference[] {
  const e = onlineStrategy(d);
  const ns = namespace ? { namespace } : {};
  const vs = (jq: string[]): IgnoreDifference[] => (d.names.virtualService ? [{ group: 'networking.istio.io', kind: 'VirtualService', name: d.names.virtualService, ...ns, jqPathExpressions: jq }] : []);
  if (d.serving.kind === 'server') {
    const managed = e.kind === 'shadow' ? ['mirror'] : e.kind === 'abTest' && e.assignBy.kind !== 'weight' ? ['ab'] : [];
    // An experiment step adds its arms' Services as destinations of the weighted route.
    const experiment = e.kind === 'abTest' && e.assignBy.kind === 'weight' ? ['.spec.http[] | select(.name == "primary") | .route'] : [];
    return vs(['.spec.http[].route[].weight', ...experiment, ...managed.map((r) => `.spec.http[] | select(.name == "${r}")`)]);
  }
  if (!d.names.workflow) return [];
  // The workflow records which candidate it decided on; only the live object has it.
  const verdict = d.names.trigger ? '.metadata.annotations["argosy.dev/decided"]' : undefined;
  const withVerdict = (jq: string[]): string[] => (verdict ? [...jq, verdict] : jq);
  switch (e.kind) {
    case 'canary':
    case 'blueGreen': {
      const jq = d.serving.deploymentMode === 'Knative' ? '.spec.predictor.canaryTrafficPercent' : '.spec.canary[].trafficPercent';
      return [{ group: 'serving.kserve.io', kind: 'InferenceService', name: d.names.workload, ...ns, jqPathExpressions: withVerdict([jq]) }];
    }
    case 'shadow':
      return vs(withVerdict([e.challengers.length === 1 ? '.spec.http[].mirrorPercentage' : '.spec.http[].mirrors[].percentage']));
    case 'abTest':
      return vs(withVerdict(['.spec.http[].route[].weight']));
  }
}

/** Every ignoreDifferences entry of an app's deployments, for its Argo CD Application. */
export function appIgnoreDifferences(app: AppIR, namespace?: string): IgnoreDifference[] {
  return app.deployments.flatMap((d) => deploymentIgnoreDifferences(d, namespace));
}

/**
 * Marks, on the object itself, the fields that change at run time, so a reviewer reading the YAML
 * (and a cluster user reading `kubectl get -o yaml`) sees that git holds only their start value.
 */
export function runtimeOwnedAnnotation(d: DeploymentIR, kind: string, name: string): Record<string, string> {
  const jq = deploymentIgnoreDifferences(d)
    .filter((e) => e.kind === kind && e.name === name)
    .flatMap((e) => e.jqPathExpressions ?? []);
  return jq.length ? { 'argosy.dev/runtime-owned-fields': jq.join('; ') } : {};
}
