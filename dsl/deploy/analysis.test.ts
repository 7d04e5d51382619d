import { describe, expect, it } from 'vitest';
import { analysis } from './analysis.ts';
import { analysisArg } from './analysis-args.ts';
import { above, atLeast, atMost, below, between, equals, expr } from './analysis-conditions.ts';
import { metric } from './metric.ts';

const q = (name: string) => metric.prometheus(name, { query: 'sum(rate(x[5m]))', success: below(0.01) });

describe('analysis() and metrics', () => {
  it('GIVEN two metrics with one name WHEN analysed THEN the duplicate is named', () => {
    expect(() => analysis({ metrics: [q('error-rate'), q('error-rate')] })).toThrow(
      /metric "error-rate": two metrics have the same name/,
    );
  });

  it('GIVEN analysis-wide defaults WHEN a metric sets its own THEN the metric wins', () => {
    const a = analysis({
      interval: '1m',
      count: 5,
      failureLimit: 1,
      metrics: [q('a'), metric.prometheus('b', { query: 'up', success: above(0), count: 2 })],
    });
    expect(a.ir.metrics.map((m) => [m.name, m.interval, m.count, m.failureLimit])).toEqual([
      ['a', '1m', 5, 1],
      ['b', '1m', 2, 1],
    ]);
  });

  it('GIVEN several measurements without an interval WHEN analysed THEN an interval is asked for', () => {
    expect(() => analysis({ count: 3, metrics: [q('a')] })).toThrow(/count: several measurements need an interval/);
  });

  it('GIVEN a metric without any condition WHEN built THEN it is rejected as always inconclusive', () => {
    expect(() => metric.prometheus('a', { query: 'up' })).toThrow(/always inconclusive/);
  });

  it('GIVEN an unknown placeholder WHEN built THEN the known ones are suggested', () => {
    expect(() => metric.prometheus('a', { query: 'up{svc="{{args.svc}}"}', success: below(1) })).toThrow(
      /unknown placeholder "\{\{args.svc\}\}"/,
    );
    expect(() => metric.web('w', { url: 'http://x/{{workflow.name}}', success: below(1) })).toThrow(
      /unknown placeholder/,
    );
  });

  it('GIVEN placeholders WHEN built THEN the metric records the arguments it needs', () => {
    const m = metric.prometheus('a', {
      query: `x{s="${analysisArg.service}",b="${analysisArg.baselineService}"}`,
      success: below(1),
    });
    expect(m.args).toEqual(['service', 'baseline-service']);
  });

  it('GIVEN dryRun naming an unknown metric WHEN analysed THEN the metrics are listed', () => {
    expect(() => analysis({ metrics: [q('a')], dryRun: ['b'] })).toThrow(
      /no metric is named "b" \(got "b"\). Use one of: a/,
    );
  });

  it('GIVEN conditions WHEN rendered per provider THEN Prometheus uses result[0] and web the JSON value', () => {
    const p = (c: ReturnType<typeof below>) => metric.prometheus('p', { query: 'up', success: c }).successCondition;
    expect([p(below(0.5)), p(above(2)), p(atMost(1)), p(atLeast(1)), p(between(0.2, 0.4))]).toEqual([
      'result[0] < 0.5',
      'result[0] > 2',
      'result[0] <= 1',
      'result[0] >= 1',
      'result[0] >= 0.2 && result[0] <= 0.4',
    ]);
    const w = (c: ReturnType<typeof below>) =>
      metric.web('w', { url: 'http://s', jsonPath: '{$.v}', success: c }).successCondition;
    expect([w(below(3)), w(equals(true)), w(equals('passed')), w(expr('len(result) > 0'))]).toEqual([
      'asFloat(result) < 3',
      'result == true',
      'result == "passed"',
      'len(result) > 0',
    ]);
  });

  it('GIVEN a plain number instead of a condition WHEN built THEN the helpers are suggested', () => {
    expect(() => metric.prometheus('p', { query: 'up', success: 0.5 as never })).toThrow(
      /expected a condition \(got 0.5\). Use below\(x\)/,
    );
  });

  it('GIVEN inverted bounds WHEN between() THEN it is rejected', () => {
    expect(() => between(2, 1)).toThrow(/lower bound is above upper bound/);
  });

  it('GIVEN a job metric WHEN built THEN it runs restricted with no retries by default and no condition', () => {
    const m = metric.job('smoke', {
      image: 'ghcr.io/acme/smoke:1',
      command: ['python3', 'smoke.py'],
      env: { TARGET: `http://${analysisArg.service}` },
    });
    expect(m.provider).toMatchObject({ kind: 'job', backoffLimit: 0, command: ['python3', 'smoke.py'] });
    expect(m.args).toEqual(['service']);
    expect(m.successCondition).toBeUndefined();
  });
});

describe('metric.web() against MLflow', () => {
  const url = 'http://mlflow.ml.svc:5000/api/2.0/mlflow/model-versions/get?name=ranker&version=8';
  it('GIVEN a tag addressed by name WHEN built THEN the list filter MLflow needs is suggested', () => {
    expect(() =>
      metric.web('registered', { url, jsonPath: '{$.model_version.tags.champion_gate}', success: equals('passed') }),
    ).toThrow(/\.tags\[\?\(@\.key=="champion_gate"\)\]\.value/);
  });
  it('GIVEN the tag list filtered by key WHEN built THEN it is accepted', () => {
    const m = metric.web('registered', {
      url,
      jsonPath: '{$.model_version.tags[?(@.key=="champion_gate")].value}',
      success: equals('passed'),
    });
    expect(m.provider).toMatchObject({ jsonPath: '{$.model_version.tags[?(@.key=="champion_gate")].value}' });
  });
});
