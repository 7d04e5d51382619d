import {
  analysis,
  below,
  canary,
  errorRate,
  latencyP99,
  metric,
  minutes,
  type Analysis,
  type CanaryStrategy,
  type KServeOptions,
  type Metric,
} from 'argosy';
import type { Scale } from '../environments.ts';

/**
 * ServiceAccount of the KServe predictors: KServe's storage initializer takes the object-store
 * credentials from the secrets attached to it (a cluster prerequisite, like the ml-pipelines one).
 */
export const MODEL_STORAGE_ACCOUNT = 'kserve-model-storage';

/**
 * KServe options every DSRPMart model shares: the V2 inference protocol, CPU autoscaling within
 * the environment's bounds, the model-storage account and Prometheus scraping of the model server.
 *
 * @example
 * ```ts
 * kserve({ ...platformKserve(s.replicas.ctrCategories), format: 'xgboost', storageUri })
 * ```
 */
export function platformKserve(
  scale: Scale,
  cpuTargetPercent = 70,
): Pick<
  KServeOptions,
  'protocolVersion' | 'minReplicas' | 'maxReplicas' | 'scaleMetric' | 'scaleTarget' | 'serviceAccount' | 'scrapeMetrics'
> {
  return {
    protocolVersion: 'v2',
    minReplicas: scale.min,
    maxReplicas: scale.max,
    scaleMetric: 'cpu',
    scaleTarget: cpuTargetPercent,
    serviceAccount: MODEL_STORAGE_ACCOUNT,
    scrapeMetrics: true,
  };
}

/**
 * The strategy of a KServe A/B or shadow deployment while no candidate is recorded: the champion
 * serves alone (a canary without a candidate renders the InferenceService and nothing else).
 * Those deployments leave `kserve({ version })` unset: a named predictor would move the
 * `<name>-predictor` Service their A/B and shadow routing (and their callers) use.
 *
 * @example
 * ```ts
 * strategy: v.candidate ? abTest({ ... }) : servesAlone(),
 * ```
 */
export function servesAlone(): CanaryStrategy {
  return canary({ steps: [{ weight: 100 }] });
}

/**
 * The health gate of a version under test: its p99 latency and 5xx share from Istio telemetry,
 * checked every minute; two failed measurements stop the rollout. The thresholds are the ones
 * the model's alerts use, so a version that would page on-call never gets all the traffic.
 *
 * @example
 * ```ts
 * canary({ steps, analysis: healthGate({ latencyP99: 0.3, errorRate: 0.005 }) })
 * ```
 */
export function healthGate(
  limits: { readonly latencyP99: number; readonly errorRate: number },
  extra: readonly Metric[] = [],
): Analysis {
  return analysis({
    interval: minutes(1),
    failureLimit: 2,
    metrics: [
      metric.prometheus('p99-latency', {
        query: latencyP99({ window: minutes(5) }),
        success: below(limits.latencyP99),
      }),
      metric.prometheus('error-rate', { query: errorRate({ window: minutes(5) }), success: below(limits.errorRate) }),
      ...extra,
    ],
  });
}
