import type { AbTestIR, AnalysisArgName, AnalysisIR, ArmArgsIR, MetricIR } from '../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';
import type { ObjectSpec } from '../api-object.ts';
import { containerSecurity, podSecurity } from '../k8s/pod.ts';
import { plainEnv, resourcesOf } from '../k8s/container.ts';

export const ROLLOUTS_API_VERSION = 'argoproj.io/v1alpha1';

const ARG_ORDER: readonly AnalysisArgName[] = ['service', 'baseline-service', 'namespace'];

/** The arguments an analysis references, in a stable order. */
export function argsOf(a: AnalysisIR): AnalysisArgName[] {
  const used = new Set(a.metrics.flatMap((m) => m.args));
  return ARG_ORDER.filter((n) => used.has(n));
}

function renderProvider(m: MetricIR): Record<string, unknown> {
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
              spec: {
                restartPolicy: 'Never',
                automountServiceAccountToken: false,
                securityContext: podSecurity(RESTRICTED_SECURITY),
                containers: [
                  {
                    name: m.name,
                    image: p.image,
                    command: p.command,
                    ...(p.args.length ? { args: p.args } : {}),
                    ...(p.env.length ? { env: plainEnv(p.env) } : {}),
                    ...resourcesOf(p.resources),
                    securityContext: containerSecurity(RESTRICTED_SECURITY),
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
export function renderMetric(m: MetricIR): Record<string, unknown> {
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
export function analysisSpec(a: AnalysisIR): Record<string, unknown> {
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
): ObjectSpec {
  const args = argsOf(a);
  return {
    apiVersion: ROLLOUTS_API_VERSION,
    kind: 'AnalysisTemplate',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...labels } },
    spec: { ...(args.length ? { args: args.map((n) => ({ name: n })) } : {}), ...analysisSpec(a) },
  };
}

/**
 * Argument values a Rollout passes to an analysis: the arm's Services as literals and the
 * namespace from the Rollout's own metadata.
 */
export function rolloutArgs(a: AnalysisIR, arm: ArmArgsIR | undefined): Record<string, unknown>[] {
  return argsOf(a).map((n) => {
    if (n === 'namespace') return { name: n, valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };
    return { name: n, value: n === 'service' ? arm?.service : arm?.baselineService };
  });
}

/**
 * The A/B decision as a `job` metric: the tested script queries both arms in Prometheus, runs the
 * two-proportion z-test or Welch's t-test and exits 0 only when the rule is met.
 */
export function abDecisionAnalysis(ab: AbTestIR, initialDelay?: string): AnalysisIR {
  const m = ab.metric;
  const q = (arm: 'baseline' | 'candidate'): [string, string][] =>
    Object.entries(m.queries[arm]).map(([k, v]) => [
      `AB_QUERY_${arm.toUpperCase()}_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
      v,
    ]);
  const env: [string, string][] = [
    ['PROMETHEUS_URL', m.address ?? ''],
    ['AB_TEST', m.test],
    ['AB_ALPHA', String(ab.alpha)],
    ['AB_MIN_SAMPLES', String(ab.minSamplesPerArm)],
    ['AB_HIGHER_IS_BETTER', String(m.higherIsBetter)],
    ['AB_REQUIRE', ab.require === 'better' ? 'better' : 'not-worse'],
    ...q('baseline'),
    ...q('candidate'),
  ];
  const metric: MetricIR = {
    name: m.name,
    args: m.args,
    provider: {
      kind: 'job',
      image: m.runner.image,
      command: ['python3', '-c', m.runner.script],
      args: [],
      env: env.map(([name, value]) => ({ name, value: [{ kind: 'text', text: value }] })),
      ...(m.runner.resources ? { resources: m.runner.resources } : {}),
      backoffLimit: 0,
    },
    ...(initialDelay ? { initialDelay } : {}),
  };
  return { metrics: [metric], dryRun: [] };
}
