import type { DeploymentIR, ServerServingIR } from '../../dsl/ir/index.ts';
import { DEPLOYMENT_LABEL } from '../k8s/serving.ts';

/** The pod label an experiment arm's pods carry (set in the Rollout's experiment templates). */
export const EXPERIMENT_ARM_LABEL = 'argosy.dev/experiment-arm';

/** The prometheus-operator PodMonitor fields Argosy sets (checked against its CRD by `validate`). */
export interface PodMonitor {
  readonly apiVersion: 'monitoring.coreos.com/v1';
  readonly kind: 'PodMonitor';
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels: Readonly<Record<string, string>>;
  };
  readonly spec: {
    readonly selector: {
      readonly matchLabels: Readonly<Record<string, string>>;
      readonly matchExpressions: readonly { readonly key: string; readonly operator: 'Exists' }[];
    };
    readonly podMetricsEndpoints: readonly {
      readonly portNumber: number;
      readonly path: string;
      readonly relabelings: readonly {
        readonly sourceLabels: readonly string[];
        readonly targetLabel: string;
        readonly replacement: string;
      }[];
    }[];
  };
}

/** Prometheus' meta label for a pod label: non-alphanumerics become underscores. */
export function podLabelMeta(label: string): string {
  return `__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

/**
 * Scrapes the pods of a weighted A/B experiment and labels their series `service="<name>-<arm>"`,
 * the Service the arm's analysis argument names. The Services Argo Rollouts creates for
 * experiment templates carry no labels, so a label-selecting ServiceMonitor never finds them and
 * the A/B statistics would count zero trials; the pods carry the arm label instead.
 * @example
 * ```ts
 * experimentPodMonitor(d, serving, 'ml');
 * ```
 */
export function experimentPodMonitor(
  d: DeploymentIR,
  s: ServerServingIR,
  namespace: string | undefined,
): PodMonitor | undefined {
  const name = d.names.podMonitor;
  if (!name || !s.metrics) return undefined;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...d.labels } },
    spec: {
      selector: {
        matchLabels: { [DEPLOYMENT_LABEL]: d.name },
        matchExpressions: [{ key: EXPERIMENT_ARM_LABEL, operator: 'Exists' }],
      },
      podMetricsEndpoints: [
        {
          portNumber: s.metrics.port,
          path: s.metrics.path,
          relabelings: [
            {
              sourceLabels: [podLabelMeta(EXPERIMENT_ARM_LABEL)],
              targetLabel: 'service',
              replacement: `${d.name}-$1`,
            },
          ],
        },
      ],
    },
  };
}
