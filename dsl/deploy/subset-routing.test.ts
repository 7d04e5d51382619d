import { describe, expect, it } from 'vitest';
import { abTestMetric } from '../../components/index.ts';
import {
  abTest,
  analysis,
  below,
  blueGreen,
  canary,
  championChallenger,
  component,
  cookie,
  days,
  errorRate,
  header,
  istio,
  kserve,
  latencyP99,
  metric,
  modelDeployment,
  pipeline,
  predictionDrift,
  server,
  shadow,
  type IstioOptions,
  type ModelDeploymentOptions,
} from '../index.ts';
import { orThrow } from './deferred.ts';
import { endpointServices } from './endpoint-services.ts';

const gate = analysis({
  metrics: [
    metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) }),
    metric.prometheus('p99', { query: latencyP99(), success: below(0.25) }),
  ],
});
const ranker = (version?: string) => server({ image: 'r:7', port: 8080, replicas: 4, ...(version ? { version } : {}) });
const v8 = { version: 'v8', image: 'r:8' };
const steps = [{ weight: 10, pause: '5m' }];
const subsets = istio({ routing: 'subsets' });
const conversion = abTestMetric.rate({
  name: 'conversion',
  successes: ({ service, window }) => `sum(increase(orders{service="${service}"}[${window}]))`,
  trials: ({ service, window }) => `sum(increase(sessions{service="${service}"}[${window}]))`,
});
const deploy = (opts: Omit<ModelDeploymentOptions, 'prometheus' | 'mesh'>) =>
  modelDeployment('ranker', { ...opts, mesh: subsets, prometheus: 'http://p' });
const queries = (a: { metrics: readonly { provider: { kind: string; query?: string } }[] } | undefined) =>
  (a?.metrics ?? []).map((m) => m.provider.query ?? '');

describe("istio({ routing: 'subsets' })", () => {
  it('GIVEN no routing WHEN istio() is built THEN it routes by hosts, and an unknown mode is rejected', () => {
    expect(istio().ir).toMatchObject({ kind: 'istio', routing: 'hosts' });
    expect(() => orThrow(istio({ routing: 'subset' } as unknown as IstioOptions))).toThrow(
      /istio\(\) > routing: unknown routing mode \(got "subset"\)\. Use "hosts"/,
    );
  });

  it('GIVEN a plain-server canary routed by subsets WHEN declared THEN it plans one Service, a VirtualService and a DestinationRule', () => {
    const d = deploy({ serving: ranker('v7'), strategy: canary({ candidate: v8, steps, analysis: gate }) });
    expect(d.ir.objects.map((o) => `${o.kind}/${o.name}`)).toEqual([
      'Rollout/ranker',
      'Service/ranker',
      'ServiceAccount/ranker',
      'VirtualService/ranker',
      'DestinationRule/ranker',
      'AnalysisTemplate/ranker-canary',
    ]);
    expect(d.ir.names).not.toHaveProperty('canaryService');
    expect(endpointServices(d.ir)).toEqual(['ranker']);
  });

  it('GIVEN a subset-routed canary WHEN resolved THEN the gate reads the candidate pods by revision at the destination and names no Service', () => {
    const d = deploy({ serving: ranker('v7'), strategy: canary({ candidate: v8, steps, analysis: gate }) });
    const a = d.ir.strategy.kind === 'canary' ? d.ir.strategy.analysis : undefined;
    for (const q of queries(a)) {
      expect(q).toContain(
        'reporter="destination",destination_canonical_service="ranker",destination_canonical_revision="v8",destination_workload_namespace="{{args.namespace}}"',
      );
      expect(q).not.toContain('{{args.service}}');
    }
    expect(a?.metrics.map((m) => m.args)).toEqual([['namespace'], ['namespace']]);
  });

  it('GIVEN a subset-routed shadow then canary WHEN resolved THEN both gates read the challenger revision', () => {
    const d = deploy({
      serving: ranker('v7'),
      strategy: shadow({
        challenger: v8,
        mirrorPercent: 50,
        duration: '1h',
        analysis: gate,
        then: canary({ steps, analysis: gate }),
      }),
    });
    const s = d.ir.strategy;
    if (s.kind !== 'shadow') throw new Error('shadow expected');
    expect(
      [...queries(s.analysis), ...queries(s.then?.analysis)].every((q) =>
        q.includes('destination_canonical_revision="v8"'),
      ),
    ).toBe(true);
  });

  it('GIVEN a subset-routed canary whose new version is serving itself WHEN resolved THEN the serving version label is measured', () => {
    const d = deploy({ serving: ranker('v9'), strategy: canary({ steps, analysis: gate }) });
    expect(queries(d.ir.strategy.kind === 'canary' ? d.ir.strategy.analysis : undefined)[0]).toContain(
      'destination_canonical_revision="v9"',
    );
  });

  it.each([
    ['no version labels', ranker(), { image: 'r:8' }],
    ['the stable version label', ranker('v7'), { version: 'v7', image: 'r:8' }],
  ])(
    'GIVEN a subset-routed canary candidate with %s WHEN declared THEN it asks for a version of its own',
    (_label, serving, candidate) => {
      expect(() => deploy({ serving, strategy: canary({ candidate, steps, analysis: gate }) })).toThrow(
        /deployment "ranker" > strategy > candidate > version: with subset-level routing both versions are endpoints of the one Service, and Istio tells those pods .* needs a label of its own/,
      );
    },
  );

  it.each([
    [
      'predictionDrift()',
      metric.prometheus('drift', { query: predictionDrift(), success: below(0.05) }),
      /\{\{args\.service\}\}, \{\{args\.baseline-service\}\}/,
    ],
    [
      "latencyP99({ source: 'kserve' })",
      metric.prometheus('p99', { query: latencyP99({ source: 'kserve' }), success: below(0.25) }),
      /got "\{\{args\.service\}\}"/,
    ],
    [
      'a smoke URL on the Service',
      metric.web('smoke', { url: 'http://{{args.service}}/healthz', jsonPath: '{$.ok}', success: below(1) }),
      /got "\{\{args\.service\}\}"/,
    ],
  ])(
    'GIVEN a subset-routed gate using %s WHEN declared THEN it is rejected: one Service cannot tell the versions apart',
    (_label, m, got) => {
      const run = () =>
        deploy({
          serving: ranker('v7'),
          strategy: canary({ candidate: v8, steps, analysis: analysis({ metrics: [m] }) }),
        });
      expect(run).toThrow(
        /analysis "canary" > metric "\w+": with subset-level routing both versions are endpoints of the one Service "ranker", so .* cannot tell the version under test from the stable one/,
      );
      expect(run).toThrow(got);
    },
  );

  it('GIVEN a subset-routed weighted A/B test WHEN declared THEN the experiment arms keep their own Services for the decision and guardrails', () => {
    const d = deploy({
      serving: ranker('v7'),
      strategy: abTest({
        variants: { control: { weight: 50 }, treatment: { weight: 50, model: v8 } },
        primary: 'control',
        assignBy: 'weight',
        duration: days(7),
        primaryMetric: conversion,
        minSamplesPerArm: 100,
        analysis: gate,
      }),
    });
    expect(d.ir.names.analysisArgs['ab-test']).toEqual([
      { arm: 'treatment', service: 'ranker-treatment', baselineService: 'ranker-control' },
    ]);
    expect(queries(d.ir.strategy.kind === 'abTest' ? d.ir.strategy.analysis : undefined)[0]).toContain(
      'reporter="source",destination_service_name="{{args.service}}"',
    );
    expect(d.ir.names.destinationRule).toBe('ranker');
  });

  it.each([
    ['header', header('x-arm')],
    ['cookie', cookie('arm')],
  ] as const)(
    'GIVEN a subset-routed %s A/B test WHEN declared THEN it is rejected: its decision compares per-arm Services',
    (kind, assignBy) => {
      expect(() =>
        deploy({
          serving: ranker('v7'),
          strategy: abTest({
            variants: { control: {}, treatment: { model: v8 } },
            primary: 'control',
            assignBy,
            duration: days(7),
            primaryMetric: conversion,
            minSamplesPerArm: 100,
          }),
        }),
      ).toThrow(
        new RegExp(
          `mesh > routing: the A/B decision queries each arm by its own Service, and with subset-level routing both arms of a ${kind}-routed test are endpoints of the one Service.*Use routing: 'hosts'`,
        ),
      );
    },
  );

  it('GIVEN champion/challenger with a cookie A/B online WHEN routed by subsets THEN the online phase decides the rejection', () => {
    const online = abTest({
      variants: { champion: {}, v8: {} },
      primary: 'champion',
      assignBy: cookie('arm'),
      duration: days(7),
      primaryMetric: conversion,
      minSamplesPerArm: 100,
    });
    const gateTask = component('champion-gate', { image: 'g:1', inputs: {}, command: ['gate'] });
    const training = pipeline('training', {}, (p) => void p.task('champion-gate', gateTask, {}));
    expect(() =>
      deploy({
        serving: ranker('v7'),
        strategy: championChallenger({ challengers: { v8 }, offlineGate: { pipeline: training }, online }),
      }),
    ).toThrow(/cookie-routed test/);
  });

  it('GIVEN a plain-server blue/green WHEN routed by subsets THEN it is rejected: blue/green uses no traffic routing', () => {
    expect(() => deploy({ serving: ranker('v7'), strategy: blueGreen({ candidate: v8 }) })).toThrow(
      /mesh > routing: a blue\/green Rollout switches the selectors of its active and preview Services and uses no VirtualService or DestinationRule/,
    );
  });

  it('GIVEN KServe WHEN routed by subsets THEN it is rejected: the mode belongs to Argo Rollouts', () => {
    const serving = kserve({ format: 'sklearn', storageUri: 's3://m/1', version: 'v1' });
    expect(() =>
      deploy({ serving, strategy: canary({ candidate: { version: 'v2', storageUri: 's3://m/2' }, steps }) }),
    ).toThrow(/mesh > routing: subset-level routing is an Argo Rollouts mode for plain servers/);
  });
});
