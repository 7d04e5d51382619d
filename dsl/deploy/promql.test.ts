import { describe, expect, it } from 'vitest';
import { errorRate, ISTIO_ARM_SELECTOR, latencyP99, predictionDrift } from './promql.ts';

describe('ready-made PromQL', () => {
  it('GIVEN errorRate() WHEN rendered THEN 5xx over all requests as the client proxies report them, with both sides falling back to 0 instead of an empty vector', () => {
    const sel =
      'reporter="source",destination_service_name="{{args.service}}",destination_service_namespace="{{args.namespace}}"';
    expect(ISTIO_ARM_SELECTOR).toBe(sel);
    expect(errorRate({ window: '2m' })).toBe(
      `(sum(rate(istio_requests_total{${sel},response_code=~"5.."}[2m])) or vector(0)) / (sum(rate(istio_requests_total{${sel}}[2m])) or vector(0))`,
    );
  });

  it('GIVEN latencyP99() WHEN rendered THEN Istio milliseconds become seconds, KServe seconds stay seconds, and no data is NaN rather than empty', () => {
    expect(latencyP99()).toMatch(
      /^\(histogram_quantile\(0.99, .*istio_request_duration_milliseconds_bucket\{reporter="source",.*\[5m\]\)\)\) \/ 1000\) or vector\(NaN\)$/,
    );
    expect(latencyP99({ source: 'kserve', quantile: 0.95 })).toMatch(
      /^histogram_quantile\(0.95, sum by \(le\) \(rate\(request_predict_seconds_bucket\{service="\{\{args.service\}\}".*\) or vector\(NaN\)$/,
    );
  });

  it('GIVEN predictionDrift() WHEN rendered THEN it compares the candidate mean with the baseline mean', () => {
    const q = predictionDrift({ histogram: 'score', window: 600 });
    expect(q).toContain('score_sum{service="{{args.service}}"');
    expect(q).toContain('score_sum{service="{{args.baseline-service}}"');
    expect(q).toContain('[600s]');
    expect(q).toMatch(/ or vector\(NaN\)$/);
  });

  it('GIVEN bad inputs WHEN rendered THEN DslErrors name the option', () => {
    expect(() => errorRate({ codes: '5xx' })).toThrow(/errorRate\(\) > codes/);
    expect(() => latencyP99({ quantile: 1 })).toThrow(/quantile must be between 0 and 1/);
    expect(() => predictionDrift({ histogram: 'bad-name' })).toThrow(/not a Prometheus metric name/);
    expect(() => errorRate({ window: '5 min' })).toThrow(/not a valid duration/);
  });
});
