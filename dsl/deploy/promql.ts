import { toGoDuration, type Duration } from '../common/duration.ts';
import { DslError } from '../errors.ts';
import { analysisArg } from './analysis-args.ts';

/**
 * The Istio label matcher the ready-made helpers use for "requests the version under test
 * answered". As written here it is the routed form: the client-side proxy (`reporter="source"`)
 * knows which Service it routed a request to, while the server-side report attributes requests
 * to one of the Services selecting a pod (istio#31610) and the canary pods of a plain server are
 * selected by `<name>`, `<name>-stable` and `<name>-canary` at once. Argosy replaces this exact
 * text per place an analysis runs where another selector is correct (mirrored traffic, KServe
 * predictors); see dsl/deploy/arm-telemetry.ts. Hand-written queries are left alone.
 *
 * @example
 * ```ts
 * `sum(rate(istio_requests_total{${ISTIO_ARM_SELECTOR},response_code="429"}[5m]))`
 * ```
 */
export const ISTIO_ARM_SELECTOR = `reporter="source",destination_service_name="${analysisArg.service}",destination_service_namespace="${analysisArg.namespace}"`;

function window(w: Duration | undefined, fn: string): string {
  return toGoDuration(w ?? '5m', [`${fn}()`, 'window']);
}

/**
 * Share of requests to the version under test answered with a 5xx, from Istio's
 * `istio_requests_total`. A version that answered no 5xx measures 0 (the 5xx series does not
 * exist then, so the numerator falls back to `vector(0)`; an empty result would make the
 * measurement an error, argo-rollouts#1466). A version that got no requests at all measures NaN,
 * which Argosy's conditions treat as inconclusive: no traffic proves nothing either way.
 *
 * @example
 * ```ts
 * metric.prometheus('error-rate', { query: errorRate({ window: minutes(2) }), success: below(0.01) })
 * ```
 */
export function errorRate(opts: { readonly window?: Duration; readonly codes?: string } = {}): string {
  const w = window(opts.window, 'errorRate');
  const codes = opts.codes ?? '5..';
  if (!/^[0-9.|]+$/.test(codes))
    throw new DslError({
      path: ['errorRate()', 'codes'],
      problem: 'codes must be a response-code regex such as "5.." or "5..|429"',
      got: codes,
      fix: 'Use e.g. "5.."',
    });
  const rate = (extra: string): string => `sum(rate(istio_requests_total{${ISTIO_ARM_SELECTOR}${extra}}[${w}]))`;
  return `(${rate(`,response_code=~"${codes}"`)} or vector(0)) / (${rate('')} or vector(0))`;
}

/**
 * 99th-percentile latency in seconds of the version under test: from Istio's
 * `istio_request_duration_milliseconds` (source `istio`, default) or from the KServe model
 * server's `request_predict_seconds` histogram (source `kserve`, needs a ServiceMonitor so
 * series carry the `service` label). Without requests in the window it measures NaN
 * (inconclusive), never an empty result.
 *
 * @example
 * ```ts
 * metric.prometheus('p99-latency', { query: latencyP99({ source: 'kserve' }), success: below(0.25) })
 * ```
 */
export function latencyP99(
  opts: { readonly window?: Duration; readonly source?: 'istio' | 'kserve'; readonly quantile?: number } = {},
): string {
  const w = window(opts.window, 'latencyP99');
  const q = opts.quantile ?? 0.99;
  if (!(q > 0 && q < 1))
    throw new DslError({
      path: ['latencyP99()', 'quantile'],
      problem: 'quantile must be between 0 and 1',
      got: q,
      fix: 'Use e.g. 0.99',
    });
  if (opts.source === 'kserve') {
    return `histogram_quantile(${q}, sum by (le) (rate(request_predict_seconds_bucket{service="${analysisArg.service}",namespace="${analysisArg.namespace}"}[${w}]))) or vector(NaN)`;
  }
  return `(histogram_quantile(${q}, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${ISTIO_ARM_SELECTOR}}[${w}]))) / 1000) or vector(NaN)`;
}

/**
 * Prediction drift between the version under test and its baseline: the relative shift of the
 * mean prediction, |mean(candidate) / mean(baseline) - 1|, from a prediction histogram the model
 * server exports (default `argosy_prediction_score`, labelled by `service` via a ServiceMonitor).
 * Needs a baseline, so it fits canary, shadow and A/B gates. NaN (inconclusive) while either side
 * has no predictions.
 *
 * @example
 * ```ts
 * metric.prometheus('prediction-drift', { query: predictionDrift({ window: minutes(30) }), success: below(0.05) })
 * ```
 */
export function predictionDrift(opts: { readonly window?: Duration; readonly histogram?: string } = {}): string {
  const w = window(opts.window, 'predictionDrift');
  const h = opts.histogram ?? 'argosy_prediction_score';
  if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(h))
    throw new DslError({
      path: ['predictionDrift()', 'histogram'],
      problem: 'not a Prometheus metric name',
      got: h,
      fix: 'Use e.g. "model_prediction_score"',
    });
  const mean = (svc: string): string =>
    `(sum(rate(${h}_sum{service="${svc}",namespace="${analysisArg.namespace}"}[${w}])) / sum(rate(${h}_count{service="${svc}",namespace="${analysisArg.namespace}"}[${w}])))`;
  return `abs(${mean(analysisArg.service)} / ${mean(analysisArg.baselineService)} - 1) or vector(NaN)`;
}
