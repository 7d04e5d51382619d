import { describe, expect, it } from 'vitest';
import { abMetric } from './ab-metric.ts';
import { modelDeployment } from './model-deployment.ts';
import { server as serverSpec } from './serving-server.ts';
import { abTest as abTestSpec, cookie, header } from './strategy-ab-test.ts';
import { orThrow } from './deferred.ts';

// Strategies and servings report their mistakes where a deployment uses them; these throw them at once.
const server = ((opts: never) => orThrow(serverSpec(opts))) as typeof serverSpec;
const abTest = ((opts: never) => orThrow(abTestSpec(opts))) as unknown as typeof abTestSpec;

const conversion = abMetric.rate({
  name: 'conversion',
  runner: { image: 'python:3.12-slim', script: 'print(1)' },
  successes: ({ service, window }) => `sum(increase(orders{svc="${service}"}[${window}]))`,
  trials: ({ service, window }) => `sum(increase(sessions{svc="${service}"}[${window}]))`,
});
const base = { primary: 'a' as const, duration: '24h', primaryMetric: conversion, minSamplesPerArm: 100 };

describe('abTest()', () => {
  it('GIVEN weights that do not add up to 100 WHEN built THEN the sum is reported', () => {
    expect(() => abTest({ ...base, variants: { a: { weight: 60 }, b: { weight: 30 } }, assignBy: 'weight' })).toThrow(
      /variants: variant weights must add up to 100 \(got 90\)/,
    );
  });

  it('GIVEN header assignment with weights WHEN built THEN the weights are rejected', () => {
    expect(() =>
      abTest({ ...base, variants: { a: { weight: 50 }, b: { weight: 50 } }, assignBy: header('x-arm') }),
    ).toThrow(/weights have no effect when users are assigned by header/);
  });

  it('GIVEN three variants WHEN built THEN exactly two are required', () => {
    expect(() => abTest({ ...base, variants: { a: {}, b: {}, c: {} }, assignBy: header('x-arm') })).toThrow(
      /exactly two variants/,
    );
  });

  it('GIVEN a model on the primary variant WHEN built THEN it is pointed at serving', () => {
    expect(() =>
      abTest({ ...base, variants: { a: { model: { image: 'x:2' } }, b: {} }, assignBy: header('x-arm') }),
    ).toThrow(/variant "a" > model: the primary variant is the model serving today/);
  });

  it('GIVEN a primary that is not a variant (from JavaScript) WHEN built THEN the variants are listed', () => {
    expect(() =>
      abTest({ ...base, primary: 'c' as 'a', variants: { a: {}, b: {} }, assignBy: header('x-arm') }),
    ).toThrow(/primary must name a variant \(got "c"\). Use one of: a, b/);
  });

  it.each([0, 0.6, Number.NaN])('GIVEN alpha %s WHEN built THEN it must be a significance level', (alpha) => {
    expect(() => abTest({ ...base, alpha, variants: { a: {}, b: {} }, assignBy: header('x-arm') })).toThrow(
      /alpha: expected a number from 0.000001 to 0.5/,
    );
  });

  it('GIVEN an uppercase header name WHEN built THEN Istio lowercase names are asked for', () => {
    expect(() => abTest({ ...base, variants: { a: {}, b: {} }, assignBy: header('X-Arm') })).toThrow(
      /Istio matches lowercase header names/,
    );
  });

  it('GIVEN a valid test WHEN built THEN the per-arm queries use the baseline and candidate Services over the test window', () => {
    const t = abTest({ ...base, variants: { a: {}, b: { model: { image: 'x:2' } } }, assignBy: cookie('arm') });
    expect(t.ir.metric.queries).toEqual({
      baseline: {
        successes: 'sum(increase(orders{svc="{{args.baseline-service}}"}[24h]))',
        trials: 'sum(increase(sessions{svc="{{args.baseline-service}}"}[24h]))',
      },
      candidate: {
        successes: 'sum(increase(orders{svc="{{args.service}}"}[24h]))',
        trials: 'sum(increase(sessions{svc="{{args.service}}"}[24h]))',
      },
    });
    expect(t.variants).toEqual(['a', 'b']);
  });

  it('GIVEN header routing without Istio WHEN deployed THEN Istio is required', () => {
    const t = abTest({ ...base, variants: { a: {}, b: {} }, assignBy: header('x-arm') });
    expect(() =>
      modelDeployment('r', {
        serving: server({ image: 'x:1', port: 80 }),
        strategy: t,
        mesh: 'none',
        prometheus: 'http://p',
      }),
    ).toThrow(/header routing \(Rollout setHeaderRoute\) needs Istio/);
  });

  it('GIVEN no Prometheus address anywhere WHEN deployed THEN the A/B statistic names it', () => {
    const t = abTest({ ...base, variants: { a: {}, b: {} }, assignBy: header('x-arm') });
    expect(() => modelDeployment('r', { serving: server({ image: 'x:1', port: 80 }), strategy: t })).toThrow(
      /abMetric "conversion": no Prometheus address/,
    );
  });
});
