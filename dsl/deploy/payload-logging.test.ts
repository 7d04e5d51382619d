import { describe, expect, it } from 'vitest';
import type { DeploymentIR, KServeServingIR, ServerServingIR } from '../ir/index.ts';
import { monitoring } from '../project/monitoring.ts';
import { payloadSink } from '../pipeline/payload-sink.ts';
import { app, environment, project, resolveProject } from '../project/project.ts';
import { abMetric } from './ab-metric.ts';
import { abTest, header } from './strategy-ab-test.ts';
import { canary } from './strategy-canary.ts';
import { championChallenger } from './strategy-champion-challenger.ts';
import { modelDeployment } from './model-deployment.ts';
import { kserve } from './serving-kserve.ts';
import { server } from './serving-server.ts';
import { shadow } from './strategy-shadow.ts';
import { pipeline } from '../pipeline/pipeline.ts';
import { component } from '../pipeline/component.ts';
import { istio } from './mesh.ts';

const sink = payloadSink({ url: 'http://payload-logger.ml-logging.svc.cluster.local' });
const isvc = (extra: Partial<Parameters<typeof kserve>[0]> = {}) =>
  kserve({ format: 'xgboost', storageUri: 's3://m/v12', version: 'v12', ...extra });
const searchCanary = modelDeployment('search', {
  serving: isvc(),
  strategy: canary({ candidate: { version: 'v13', storageUri: 's3://m/v13' }, steps: [{ weight: 10, pause: '10m' }] }),
});
const ranker = modelDeployment('ranker', {
  serving: server({ image: 'ghcr.io/acme/ranker:7', port: 8080, env: { THREADS: '4' } }),
  strategy: shadow({
    challenger: { image: 'ghcr.io/acme/ranker:8' },
    mirrorPercent: 50,
    duration: '1h',
    then: canary({ steps: [{ weight: 20 }] }),
  }),
});

/** Resolves one app with the deployment and its monitoring; returns the resolved deployment and alerts. */
function resolve(d: ReturnType<typeof modelDeployment>, m: ReturnType<typeof monitoring>[], deployments = [d]) {
  const a = resolveProject(
    project('p', {
      environments: [environment('prod', { namespace: 'ml' })],
      apps: [app('a', { deployments, monitoring: m })],
    }),
  ).environments[0]?.apps[0];
  return { deployment: a?.deployments.find((x) => x.name === d.name) as DeploymentIR, monitoring: a?.monitoring ?? [] };
}

describe('monitoring of a model deployment', () => {
  it('GIVEN a KServe canary WHEN monitored THEN the endpoint alerts watch the stable and the candidate predictor Services', () => {
    const m = monitoring('search', {
      model: 'search',
      deployment: searchCanary,
      endpoint: { latencyP99: '300ms', errorRate: 0.005 },
    });
    expect(m.ir.endpoint?.services).toEqual(['search-v12-predictor', 'search-v13-predictor']);
    expect(m.ir.deployment).toBe('search');
  });

  it('GIVEN a plain server behind Istio WHEN monitored THEN the alerts watch the stable and canary Services the VirtualService routes to', () => {
    expect(
      monitoring('r', { model: 'r', deployment: ranker, endpoint: { latencyP99: '200ms', errorRate: 0.01 } }).ir
        .endpoint?.services,
    ).toEqual(['ranker-stable', 'ranker-canary']);
  });

  it('GIVEN a KServe shadow WHEN monitored THEN the challenger, which only sees mirrored copies, is not alerted on', () => {
    const d = modelDeployment('disc', {
      serving: isvc({ logger: { url: 'http://sink' } }),
      mesh: istio({ gateways: ['mesh'] }),
      strategy: shadow({ challenger: { storageUri: 's3://m/v13' }, mirrorPercent: 100, duration: '1h' }),
    });
    expect(
      monitoring('disc', { model: 'disc', deployment: d, endpoint: { latencyP99: '200ms', errorRate: 0.01 } }).ir
        .endpoint?.services,
    ).toEqual(['disc-predictor']);
  });

  it('GIVEN a KServe A/B test WHEN monitored THEN both arms are watched', () => {
    const ctr = abMetric.rate({
      name: 'ctr',
      runner: { image: 'python:3.12-slim', script: 'print(1)' },
      successes: ({ service, window }) => `sum(increase(clicks{service="${service}"}[${window}]))`,
      trials: ({ service, window }) => `sum(increase(views{service="${service}"}[${window}]))`,
    });
    const d = modelDeployment('ctr', {
      serving: isvc(),
      mesh: istio({ gateways: ['mesh'] }),
      strategy: abTest({
        variants: { control: {}, v13: { model: { version: 'v13', storageUri: 's3://m/v13' } } },
        primary: 'control',
        assignBy: header('x-arm'),
        duration: '168h',
        primaryMetric: ctr,
        minSamplesPerArm: 1000,
      }),
      prometheus: 'http://prom:9090',
    });
    expect(
      monitoring('ctr', { model: 'ctr', deployment: d, endpoint: { latencyP99: '150ms', errorRate: 0.01 } }).ir.endpoint
        ?.services,
    ).toEqual(['ctr-predictor', 'ctr-v13-predictor']);
  });

  it('GIVEN both a deployment and a service WHEN declared THEN the ambiguity is rejected', () => {
    expect(() =>
      monitoring('s', {
        model: 's',
        deployment: searchCanary,
        endpoint: { service: 'search-predictor', latencyP99: '1s', errorRate: 0.01 },
      }),
    ).toThrow(/endpoint > service: the endpoint Services come from the deployment/);
  });

  it('GIVEN neither a deployment nor a service WHEN declared THEN the error says how to name the endpoint', () => {
    expect(() => monitoring('s', { model: 's', endpoint: { latencyP99: '1s', errorRate: 0.01 } })).toThrow(
      /monitoring "s" > endpoint: the endpoint has no Service to watch .*Add deployment/,
    );
  });

  it('GIVEN a payload sink without a deployment WHEN declared THEN the deployment is asked for', () => {
    expect(() => monitoring('s', { model: 's', payloadLog: sink, drift: { threshold: 0.3 } })).toThrow(
      /payloadLog: payload logging is configured on a deployment/,
    );
  });

  it('GIVEN a monitoring of a deployment the app does not deploy WHEN resolved THEN the error names it', () => {
    const m = monitoring('search', { model: 'search', deployment: searchCanary, drift: { threshold: 0.3 } });
    expect(() => resolve(ranker, [m])).toThrow(
      /monitoring "search" > deployment: watches deployment "search", which this app does not deploy/,
    );
  });
});

describe('payload logging from a monitoring sink', () => {
  it('GIVEN a KServe deployment and a sink WHEN resolved THEN the InferenceService logs to it', () => {
    const { deployment } = resolve(searchCanary, [
      monitoring('search', { model: 'search', deployment: searchCanary, payloadLog: sink }),
    ]);
    expect((deployment.serving as KServeServingIR).logger).toEqual({
      url: 'http://payload-logger.ml-logging.svc.cluster.local',
      mode: 'all',
    });
  });

  it('GIVEN a plain server and a sink WHEN resolved THEN the server gets the sink as environment variables beside its own', () => {
    const { deployment } = resolve(ranker, [
      monitoring('ranker', {
        model: 'ranker',
        deployment: ranker,
        payloadLog: payloadSink({ url: 'http://sink.ml', mode: 'request' }),
      }),
    ]);
    expect((deployment.serving as ServerServingIR).pod.env.map((e) => e.name)).toEqual([
      'THREADS',
      'ARGOSY_PAYLOAD_LOG_URL',
      'ARGOSY_PAYLOAD_LOG_MODE',
    ]);
  });

  it('GIVEN kserve() logging elsewhere WHEN a sink is declared THEN the conflict is reported', () => {
    const d = modelDeployment('search', {
      serving: isvc({ logger: { url: 'http://other' } }),
      strategy: canary({ steps: [{ weight: 10 }] }),
    });
    expect(() => resolve(d, [monitoring('search', { model: 'search', deployment: d, payloadLog: sink })])).toThrow(
      /serving > logger: kserve\(\) already logs payloads elsewhere/,
    );
  });

  it('GIVEN a KServe champion/challenger shadow without a logger WHEN its monitoring declares a sink THEN it resolves with the logger', () => {
    const training = pipeline('t', {}, (p) => {
      p.task('train', component('train', { image: 'x:1', command: ['true'] }));
      p.task('gate', component('champion-gate', { image: 'x:1', command: ['true'] }));
    });
    const d = modelDeployment('disc', {
      serving: isvc(),
      mesh: istio({ gateways: ['mesh'] }),
      strategy: championChallenger({
        challengers: { v13: { version: 'v13', storageUri: 's3://m/v13' } },
        offlineGate: { pipeline: training },
        online: shadow({ mirrorPercent: 100, duration: '1h' }),
      }),
    });
    const a = resolveProject(
      project('p', {
        apps: [
          app('a', {
            pipelines: [training],
            deployments: [d],
            monitoring: [monitoring('disc', { model: 'disc', deployment: d, payloadLog: sink })],
          }),
        ],
      }),
    ).environments[0]?.apps[0];
    expect((a?.deployments[0]?.serving as KServeServingIR).logger?.url).toBe(
      'http://payload-logger.ml-logging.svc.cluster.local',
    );
    expect(() =>
      resolveProject(project('p', { apps: [app('a', { pipelines: [training], deployments: [d] })] })),
    ).toThrow(/a KServe shadow logs the payloads/);
  });

  it.each([['ftp://sink'], ['']])('GIVEN the sink URL %j WHEN declared THEN an http(s) URL is asked for', (url) => {
    expect(() => payloadSink({ url })).toThrow(/payloadSink\(\) > url/);
  });
});
