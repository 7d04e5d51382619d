import type { AppIR, DeploymentIR } from '../dsl/ir/index.ts';
import { onlineStrategy, ROLLOUT_ROUTES, strategyModel } from '../dsl/ir/strategy.ts';
import { SUBSETS } from './k8s/serving.ts';
import { kserveEmitter } from './kserve/strategies/index.ts';
import { VERDICT_ANNOTATION } from './kserve/verdict.ts';
import type { IgnoreDifference } from './target.ts';

/**
 * Fields of a deployment's objects that a controller or the promotion workflow changes at run
 * time, so Argo CD must neither report nor revert them: Argo Rollouts moves VirtualService weights,
 * adds its managed routes and relabels DestinationRule subsets; a KServe workflow owns exactly one
 * traffic field. Use with the `RespectIgnoreDifferences=true` sync option so a sync keeps the live
 * values.
 *
 * @example
 * ```ts
 * application.spec.ignoreDifferences = app.deployments.flatMap((d) => deploymentIgnoreDifferences(d, ns));
 * ```
 */
export function deploymentIgnoreDifferences(d: DeploymentIR, namespace?: string): IgnoreDifference[] {
  const e = onlineStrategy(d.strategy);
  const model = strategyModel(d.strategy);
  const ns = namespace ? { namespace } : {};
  const vs = (jq: string[]): IgnoreDifference[] =>
    d.names.virtualService
      ? [
          {
            group: 'networking.istio.io',
            kind: 'VirtualService',
            name: d.names.virtualService,
            ...ns,
            jqPathExpressions: jq,
          },
        ]
      : [];
  if (d.serving.kind === 'server') {
    const managed = model.server.managedRoutes(e);
    // An experiment step adds its arms' Services as destinations of the weighted route.
    const experiment = experimentArms(d)
      ? [`.spec.http[] | select(.name == "${ROLLOUT_ROUTES.primary}") | .route`]
      : [];
    return [
      ...vs([
        '.spec.http[].route[].weight',
        ...experiment,
        ...managed.map((r) => `.spec.http[] | select(.name == "${r}")`),
      ]),
      ...destinationRuleFields(d, ns),
    ];
  }
  if (!d.names.workflow) return [];
  // The workflow records which candidate it decided on; only the live object has it.
  const verdict = d.names.trigger ? `.metadata.annotations[${JSON.stringify(VERDICT_ANNOTATION)}]` : undefined;
  const { emitter, strategy } = kserveEmitter(d);
  const jq = [...emitter.ownedFields(strategy, d.serving), ...(verdict ? [verdict] : [])];
  if (model.kserve.promotion === 'side-by-side') return vs(jq);
  return [
    { group: 'serving.kserve.io', kind: 'InferenceService', name: d.names.workload, ...ns, jqPathExpressions: jq },
  ];
}

/** Whether a plain server runs its arms as an experiment with Services of their own (weighted A/B). */
function experimentArms(d: DeploymentIR): boolean {
  return strategyModel(d.strategy).server.experimentArm?.(d.name, onlineStrategy(d.strategy)) !== undefined;
}

/**
 * Subset-level routing: Argo Rollouts writes each ReplicaSet's `rollouts-pod-template-hash` into
 * the `stable` and `canary` subsets, and an experiment step appends a subset per arm Service.
 */
function destinationRuleFields(d: DeploymentIR, ns: { namespace?: string }): IgnoreDifference[] {
  const name = d.names.destinationRule;
  if (!name) return [];
  const experiment = experimentArms(d)
    ? [`.spec.subsets[] | select(.name != "${SUBSETS.stable}" and .name != "${SUBSETS.canary}")`]
    : [];
  return [
    {
      group: 'networking.istio.io',
      kind: 'DestinationRule',
      name,
      ...ns,
      jqPathExpressions: [ROLLOUTS_HASH_LABELS, ...experiment],
    },
  ];
}

/** The subset labels Argo Rollouts owns in a DestinationRule it routes by. */
export const ROLLOUTS_HASH_LABELS = '.spec.subsets[].labels["rollouts-pod-template-hash"]';

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
