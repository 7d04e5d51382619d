import { describe, expect, it } from 'vitest';
import type { MonitoringIR, ScheduleIR } from '../../dsl/ir/index.ts';
import { prometheusRule } from './prometheus-rule.ts';

const base: MonitoringIR = {
  name: 'ranker',
  model: 'ranker',
  schedules: [{ name: 'ranking-batch', maxIntervalSeconds: 4 * 3600, graceSeconds: 3600 }],
  severity: { latency: 'warning', errors: 'critical', drift: 'warning', schedule: 'info' },
  labels: { team: 'recsys' },
};
const scheduleIR = (suspend: boolean): ScheduleIR => ({
  name: 'ranking-batch',
  pipeline: 'ranking',
  crons: ['0 */4 * * *'],
  concurrency: 'Forbid',
  suspend,
  args: {},
});
type Groups = {
  name: string;
  rules: { alert: string; expr: string; for?: string; labels: Record<string, string> }[];
}[];
const groupsOf = (obj: ReturnType<typeof prometheusRule>): Groups => (obj?.spec as { groups: Groups }).groups;

describe('prometheusRule()', () => {
  it('GIVEN an endpoint WHEN rendered THEN p99 latency and 5xx ratio alerts select the service in the namespace', () => {
    const obj = prometheusRule(
      {
        ...base,
        schedules: [],
        endpoint: {
          services: ['ranker-predictor'],
          latencyP99Ms: 120,
          errorRate: 0.02,
          windowSeconds: 300,
          forSeconds: 600,
        },
      },
      { namespace: 'ml', schedules: [] },
    );
    const [latency, errors] = groupsOf(obj)[0]?.rules ?? [];
    expect(latency?.expr).toBe(
      'histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="ml",destination_service_name="ranker-predictor"}[5m]))) > 120',
    );
    expect(latency?.for).toBe('10m');
    expect(errors?.expr).toContain('response_code=~"5.."');
    expect(errors?.expr).toMatch(/\/ sum\(rate\(istio_requests_total\{.*\}\[5m\]\)\) > 0\.02$/);
    expect(errors?.labels).toEqual({ team: 'recsys', model: 'ranker', severity: 'critical' });
  });

  it('GIVEN an endpoint with several Services WHEN rendered THEN both alerts match any of them', () => {
    const obj = prometheusRule(
      {
        ...base,
        schedules: [],
        endpoint: {
          services: ['ranker-stable', 'ranker-canary'],
          latencyP99Ms: 120,
          errorRate: 0.02,
          windowSeconds: 300,
          forSeconds: 600,
        },
      },
      { namespace: 'ml', schedules: [] },
    );
    for (const rule of groupsOf(obj)[0]?.rules ?? [])
      expect(rule.expr).toContain('destination_service_name=~"ranker-stable|ranker-canary"');
  });

  it('GIVEN drift monitoring WHEN rendered THEN the pushed drift score is compared with the threshold', () => {
    const obj = prometheusRule(
      { ...base, schedules: [], drift: { threshold: 0.3, forSeconds: 0 } },
      { namespace: 'ml', schedules: [] },
    );
    expect(groupsOf(obj)[0]?.rules[0]).toMatchObject({
      alert: 'RankerDriftDetected',
      expr: 'max(argosy_drift_score{namespace="ml",model="ranker"}) > 0.3',
    });
    expect(groupsOf(obj)[0]?.rules[0]?.for).toBeUndefined();
  });

  it('GIVEN an active schedule WHEN rendered THEN the missed-run window is the longest gap plus grace', () => {
    const rule = groupsOf(prometheusRule(base, { namespace: 'ml', schedules: [scheduleIR(false)] }))[0]?.rules[0];
    expect(rule?.expr).toBe(
      '(sum(increase(argo_workflows_cronworkflows_triggered_total{namespace="ml",name="ranking-batch"}[5h])) or vector(0)) < 1 and on() count(argo_workflows_cronworkflows_triggered_total{namespace="ml",name="ranking-batch"} offset 5h) > 0',
    );
    expect(rule?.labels).toMatchObject({ cronworkflow: 'ranking-batch', severity: 'info' });
  });

  it('GIVEN the schedule is suspended in this environment WHEN rendered THEN no missed-run alert and no empty object', () => {
    expect(prometheusRule(base, { namespace: 'ml', schedules: [scheduleIR(true)] })).toBeUndefined();
  });

  it('GIVEN no namespace WHEN rendered THEN selectors leave the namespace out', () => {
    const obj = prometheusRule({ ...base, schedules: [], drift: { threshold: 0.3, forSeconds: 0 } }, { schedules: [] });
    expect(groupsOf(obj)[0]?.rules[0]?.expr).toBe('max(argosy_drift_score{model="ranker"}) > 0.3');
    expect(obj?.metadata.namespace).toBeUndefined();
  });
});
