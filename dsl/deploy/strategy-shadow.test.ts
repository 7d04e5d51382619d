import { describe, expect, it } from 'vitest';
import { analysis } from './analysis.ts';
import { below } from './analysis-conditions.ts';
import { metric } from './metric.ts';
import { modelDeployment } from './model-deployment.ts';
import { errorRate } from './promql.ts';
import { kserve as kserveSpec } from './serving-kserve.ts';
import { server as serverSpec } from './serving-server.ts';
import { app, project, resolveProject } from '../project/project.ts';
import { canary as canarySpec } from './strategy-canary.ts';
import { shadow as shadowSpec } from './strategy-shadow.ts';
import { orThrow } from './deferred.ts';
import { istio } from './mesh.ts';

// Strategies and servings report their mistakes where a deployment uses them; these throw them at once.
const kserve = ((opts: never) => orThrow(kserveSpec(opts))) as typeof kserveSpec;
const server = ((opts: never) => orThrow(serverSpec(opts))) as typeof serverSpec;
const canary = ((opts: never) => orThrow(canarySpec(opts))) as typeof canarySpec;
const shadow = ((opts: never) => orThrow(shadowSpec(opts))) as typeof shadowSpec;

const gate = analysis({
  interval: '1m',
  metrics: [metric.prometheus('errors', { query: errorRate(), success: below(0.01) })],
});
const srv = server({ image: 'ghcr.io/acme/ranker:7', port: 8080, version: 'v7' });
const isvc = (logger = true) =>
  kserve({ format: 'sklearn', storageUri: 's3://m/v1', ...(logger ? { logger: { url: 'http://sink' } } : {}) });

describe('shadow()', () => {
  it.each([-1, 100.5, Number.NaN])('GIVEN mirrorPercent %s WHEN built THEN it must lie in [0, 100]', (p) => {
    expect(() => shadow({ mirrorPercent: p, duration: '1h' })).toThrow(
      /mirrorPercent: expected a number from 0 to 100/,
    );
  });

  it('GIVEN a plain server and a fractional mirror percent WHEN deployed THEN Rollouts whole percents are required', () => {
    expect(() =>
      modelDeployment('r', { serving: srv, strategy: shadow({ mirrorPercent: 12.5, duration: '1h' }) }),
    ).toThrow(/mirrors whole percents/);
  });

  it('GIVEN mesh "none" WHEN a plain server shadows THEN Istio is required', () => {
    expect(() =>
      modelDeployment('r', { serving: srv, strategy: shadow({ mirrorPercent: 10, duration: '1h' }), mesh: 'none' }),
    ).toThrow(/deployment "r" > mesh: mirroring traffic \(Rollout setMirrorRoute\) needs Istio/);
  });

  it('GIVEN KServe without a payload logger WHEN the app is resolved THEN the logger is asked for', () => {
    const d = modelDeployment('m', {
      serving: isvc(false),
      mesh: istio({ gateways: ['mesh'] }),
      strategy: shadow({ challenger: { storageUri: 's3://m/v2' }, mirrorPercent: 10, duration: '1h' }),
    });
    expect(() => resolveProject(project('p', { apps: [app('a', { deployments: [d] })] }))).toThrow(
      /deployment "m" > serving > logger: a KServe shadow logs the payloads/,
    );
  });

  it('GIVEN KServe in Knative mode WHEN shadowed THEN Standard mode is required', () => {
    const knative = kserve({
      format: 'sklearn',
      storageUri: 's3://m/v1',
      deploymentMode: 'Knative',
      logger: { url: 'http://sink' },
    });
    expect(() =>
      modelDeployment('m', { serving: knative, strategy: shadow({ mirrorPercent: 10, duration: '1h' }) }),
    ).toThrow(/shadow on KServe needs Standard mode/);
  });

  it('GIVEN a challenger image for a KServe model WHEN deployed THEN storageUri is suggested', () => {
    expect(() =>
      modelDeployment('m', {
        serving: isvc(),
        strategy: shadow({ challenger: { image: 'x:1' }, mirrorPercent: 10, duration: '1h' }),
      }),
    ).toThrow(/image belongs to plain servers/);
  });

  it('GIVEN a valid KServe shadow WHEN deployed THEN a challenger InferenceService and a VirtualService are planned', () => {
    const d = modelDeployment('churn', {
      serving: isvc(),
      mesh: istio({ gateways: ['mesh'] }),
      strategy: shadow({ challenger: { storageUri: 's3://m/v2' }, mirrorPercent: 25, duration: '2h' }),
    });
    expect(d.ir.objects).toEqual([
      { kind: 'InferenceService', name: 'churn' },
      { kind: 'InferenceService', name: 'churn-challenger' },
      { kind: 'VirtualService', name: 'churn' },
    ]);
  });

  it('GIVEN a canary with its own candidate after a shadow WHEN built THEN the challenger is named as what the canary rolls out', () => {
    expect(() =>
      shadow({
        mirrorPercent: 10,
        duration: '1h',
        then: canary({ candidate: { image: 'x:2' }, steps: [{ weight: 50 }] }),
      }),
    ).toThrow(/shadow\(\) > then > candidate: the canary after a shadow rolls out the challenger/);
  });

  it('GIVEN something other than a canary after a shadow WHEN built THEN it is rejected', () => {
    expect(() =>
      shadow({ mirrorPercent: 10, duration: '1h', then: shadow({ mirrorPercent: 5, duration: '1h' }) as never }),
    ).toThrow(/then: a shadow phase can only be followed by a canary/);
  });

  it('GIVEN KServe WHEN a shadow is followed by a canary THEN a plain server is asked for', () => {
    expect(() =>
      modelDeployment('m', {
        serving: isvc(),
        strategy: shadow({
          challenger: { storageUri: 's3://m/v2' },
          mirrorPercent: 10,
          duration: '1h',
          then: canary({ steps: [{ weight: 50 }] }),
        }),
      }),
    ).toThrow(/strategy > then: a canary after the shadow phase needs a plain server/);
  });

  it('GIVEN a plain server shadow then canary with analyses WHEN deployed THEN both AnalysisTemplates are planned', () => {
    const d = modelDeployment('r', {
      serving: srv,
      strategy: shadow({
        challenger: { version: 'v8', image: 'ghcr.io/acme/ranker:8' },
        mirrorPercent: 50,
        duration: '1h',
        analysis: gate,
        then: canary({ steps: [{ weight: 20, pause: '10m' }], analysis: gate }),
      }),
      prometheus: 'http://prom:9090',
    });
    expect(d.ir.objects.filter((o) => o.kind === 'AnalysisTemplate').map((o) => o.name)).toEqual([
      'r-shadow',
      'r-canary',
    ]);
  });
});

describe('where a KServe shadow routes', () => {
  const isvc = kserveSpec({ format: 'sklearn', storageUri: 's3://m/v1', logger: { url: 'http://sink' } });
  const strategy = shadowSpec({ challenger: { storageUri: 's3://m/v2' }, mirrorPercent: 10, duration: '1h' });

  it('GIVEN no gateways WHEN deployed THEN the gateway the clients come through is asked for', () => {
    // GIVEN the default mesh binding, which Istio applies to sidecars only
    // WHEN / THEN
    expect(() => modelDeployment('m', { serving: isvc, strategy })).toThrow(
      /deployment "m" > mesh > gateways: a KServe shadow splits or mirrors traffic with a VirtualService, and one without gateways applies only to in-mesh sidecars/,
    );
  });
});
