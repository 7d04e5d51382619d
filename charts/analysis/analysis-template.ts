import type { AnalysisArgName, AnalysisIR, ArmArgsIR, MetricIR } from '../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';
import type {
  AnalysisTemplate,
  AnalysisTemplateSpec,
  Arg,
  Metric,
  MetricProvider,
  PodSecurityContext,
  SecurityContext,
} from '../imports/argo-rollouts.ts';
import { containerSecurity, podSecurity } from '../k8s/pod.ts';
import { plainEnv, resourcesOf } from '../k8s/container.ts';

const ARG_ORDER: readonly AnalysisArgName[] = ['service', 'baseline-service', 'namespace'];

/** The arguments an analysis references, in a stable order. */
export function argsOf(a: AnalysisIR): AnalysisArgName[] {
  const used = new Set(a.metrics.flatMap((m) => m.args));
  return ARG_ORDER.filter((n) => used.has(n));
}

/**
 * An analysis Job's pod opts out of Istio injection. Before Istio 1.27 (without native sidecars)
 * the injected proxy never exits, so the pod and its Job never complete and the measurement
 * times out. The pod only calls out (a smoke test, the A/B decision against Prometheus), which
 * needs no mesh identity. The label is what the injection webhook's object selector matches;
 * the annotation is what older injectors and Maistra read.
 */
export const NO_SIDECAR = {
  labels: { 'sidecar.istio.io/inject': 'false' },
  annotations: { 'sidecar.istio.io/inject': 'false' },
} as const;

function renderProvider(m: MetricIR): MetricProvider {
  const p = m.provider;
  switch (p.kind) {
    case 'prometheus':
      return {
        prometheus: {
          address: p.address,
          query: p.query,
          ...(p.timeoutSeconds !== undefined ? { timeout: p.timeoutSeconds } : {}),
        },
      };
    case 'web':
      return {
        web: {
          url: p.url,
          ...(p.method !== 'GET' ? { method: p.method } : {}),
          ...(p.headers.length ? { headers: p.headers } : {}),
          ...(p.body !== undefined ? { body: p.body } : {}),
          ...(p.jsonPath !== undefined ? { jsonPath: p.jsonPath } : {}),
          ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds } : {}),
        },
      };
    case 'job':
      return {
        job: {
          spec: {
            backoffLimit: p.backoffLimit,
            template: {
              metadata: NO_SIDECAR,
              spec: {
                restartPolicy: 'Never',
                automountServiceAccountToken: false,
                securityContext: podSecurity(RESTRICTED_SECURITY) as PodSecurityContext,
                containers: [
                  {
                    name: m.name,
                    image: p.image,
                    command: p.command,
                    ...(p.args.length ? { args: p.args } : {}),
                    ...(p.env.length ? { env: plainEnv(p.env) } : {}),
                    ...resourcesOf(p.resources),
                    securityContext: containerSecurity(RESTRICTED_SECURITY) as SecurityContext,
                  },
                ],
              },
            },
          },
        },
      };
  }
}

/** One metric in Argo Rollouts form. */
export function renderMetric(m: MetricIR): Metric {
  return {
    name: m.name,
    provider: renderProvider(m),
    ...(m.successCondition !== undefined ? { successCondition: m.successCondition } : {}),
    ...(m.failureCondition !== undefined ? { failureCondition: m.failureCondition } : {}),
    ...(m.interval !== undefined ? { interval: m.interval } : {}),
    ...(m.initialDelay !== undefined ? { initialDelay: m.initialDelay } : {}),
    ...(m.count !== undefined ? { count: m.count } : {}),
    ...(m.failureLimit !== undefined ? { failureLimit: m.failureLimit } : {}),
    ...(m.inconclusiveLimit !== undefined ? { inconclusiveLimit: m.inconclusiveLimit } : {}),
    ...(m.consecutiveErrorLimit !== undefined ? { consecutiveErrorLimit: m.consecutiveErrorLimit } : {}),
  };
}

/** The `spec` shared by an AnalysisTemplate and an AnalysisRun built from the same analysis. */
export function analysisSpec(a: AnalysisIR): Pick<AnalysisTemplateSpec, 'metrics' | 'dryRun'> {
  return {
    metrics: a.metrics.map(renderMetric),
    ...(a.dryRun.length ? { dryRun: a.dryRun.map((metricName) => ({ metricName })) } : {}),
  };
}

/** An AnalysisTemplate whose arguments are the placeholders its metrics use. */
export function analysisTemplate(
  name: string,
  a: AnalysisIR,
  namespace: string | undefined,
  labels: Readonly<Record<string, string>>,
): AnalysisTemplate {
  const args = argsOf(a);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...labels } },
    spec: { ...(args.length ? { args: args.map((n) => ({ name: n })) } : {}), ...analysisSpec(a) },
  };
}

/**
 * Argument values a Rollout passes to an analysis: the arm's Services as literals and the
 * namespace from the Rollout's own metadata.
 */
export function rolloutArgs(a: AnalysisIR, arm: ArmArgsIR | undefined): Arg[] {
  return argsOf(a).map((n) => {
    if (n === 'namespace') return { name: n, valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };
    return { name: n, value: n === 'service' ? arm?.service : arm?.baselineService };
  });
}
