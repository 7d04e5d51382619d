import { describe, expect, it } from 'vitest';
import { component } from '../pipeline/component.ts';
import { pipeline } from '../pipeline/pipeline.ts';
import { app, environment, project, resolveProject } from '../project/project.ts';
import { analysis } from './analysis.ts';
import { below } from './analysis-conditions.ts';
import { metric } from './metric.ts';
import { modelDeployment } from './model-deployment.ts';
import { predictionDrift } from './promql.ts';
import { kserve as kserveSpec } from './serving-kserve.ts';
import { server as serverSpec } from './serving-server.ts';
import { blueGreen as blueGreenSpec } from './strategy-blue-green.ts';
import { canary as canarySpec } from './strategy-canary.ts';
import { championChallenger as championChallengerSpec } from './strategy-champion-challenger.ts';
import { shadow as shadowSpec } from './strategy-shadow.ts';
import { orThrow } from './deferred.ts';

// Strategies and servings report their mistakes where a deployment uses them; these throw them at once.
const kserve = ((opts: never) => orThrow(kserveSpec(opts))) as typeof kserveSpec;
const server = ((opts: never) => orThrow(serverSpec(opts))) as typeof serverSpec;
const canary = ((opts: never) => orThrow(canarySpec(opts))) as typeof canarySpec;
const shadow = ((opts: never) => orThrow(shadowSpec(opts))) as typeof shadowSpec;
const championChallenger = ((opts: never) => orThrow(championChallengerSpec(opts))) as typeof championChallengerSpec;
const blueGreen = ((opts: never) => orThrow(blueGreenSpec(opts))) as typeof blueGreenSpec;

const isvc = kserve({ format: 'xgboost', storageUri: 's3://m/v42', version: 'v42', minReplicas: 2 });
const srv = server({ image: 'ghcr.io/acme/ranker:7', port: 8080 });
const drift = analysis({
  interval: '1m',
  count: 3,
  metrics: [metric.prometheus('drift', { query: predictionDrift(), success: below(0.05) })],
});
const train = pipeline('train', {}, (p) => {
  p.task('fit', component('fit', { image: 'x:1', command: ['fit'] }));
  p.task('gate', component('champion-gate', { image: 'x:1', command: ['gate'] }));
});

describe('modelDeployment()', () => {
  it('GIVEN a KServe canary candidate without a version WHEN deployed THEN the predictor name is asked for', () => {
    expect(() =>
      modelDeployment('churn', {
        serving: isvc,
        strategy: canary({ candidate: { storageUri: 's3://m/v43' }, steps: [{ weight: 10 }] }),
      }),
    ).toThrow(/candidate > version: a KServe candidate runs as a named predictor/);
  });

  it('GIVEN the candidate has the serving version WHEN deployed THEN it is rejected', () => {
    expect(() =>
      modelDeployment('churn', {
        serving: isvc,
        strategy: canary({ candidate: { version: 'v42', storageUri: 's3://m/v43' }, steps: [{ weight: 10 }] }),
      }),
    ).toThrow(/same version as the running predictor/);
  });

  it('GIVEN a storageUri for a plain server WHEN deployed THEN image/args/env are suggested', () => {
    expect(() =>
      modelDeployment('r', {
        serving: srv,
        strategy: canary({ candidate: { storageUri: 's3://m' }, steps: [{ weight: 10 }] }),
      }),
    ).toThrow(/storageUri belong to KServe; a plain server changes image, args or env/);
  });

  it('GIVEN a Prometheus metric and no address WHEN deployed THEN the metric is named', () => {
    expect(() =>
      modelDeployment('r', {
        serving: srv,
        strategy: canary({ steps: [{ weight: 10, pause: '5m' }], analysis: drift }),
      }),
    ).toThrow(/analysis "canary" > metric "drift": no Prometheus address/);
  });

  it('GIVEN a baseline metric after a blue/green switch WHEN deployed THEN there is no baseline to compare with', () => {
    expect(() =>
      modelDeployment('r', {
        serving: srv,
        strategy: blueGreen({ postPromotionAnalysis: drift }),
        prometheus: 'http://p',
      }),
    ).toThrow(/the post-promotion analysis has no baseline/);
    expect(
      modelDeployment('r', {
        serving: srv,
        strategy: blueGreen({ prePromotionAnalysis: drift }),
        prometheus: 'http://p',
      }).ir.names.analysisArgs['pre-promotion'],
    ).toEqual([{ arm: 'preview', service: 'r-preview', baselineService: 'r' }]);
  });

  it('GIVEN a KServe blue/green with scale to zero WHEN deployed THEN a replica is required for the dark launch', () => {
    const zero = kserve({ format: 'xgboost', storageUri: 's3://m/v42', minReplicas: 0 });
    expect(() =>
      modelDeployment('m', {
        serving: zero,
        strategy: blueGreen({ candidate: { version: 'v43', storageUri: 's3://m/v43' } }),
      }),
    ).toThrow(/dark launch .* needs at least one replica/);
  });

  it('GIVEN names that KServe would stretch past 63 characters WHEN deployed THEN the derived name is reported', () => {
    const long = kserve({
      format: 'xgboost',
      storageUri: 's3://m/v42',
      version: 'a-very-long-version-label-number-one',
    });
    expect(() =>
      modelDeployment('a-long-deployment-name', {
        serving: long,
        strategy: canary({ candidate: { version: 'v43', storageUri: 's3://x' }, steps: [{ weight: 5 }] }),
      }),
    ).toThrow(
      /derived object name "a-long-deployment-name-a-very-long-version-label-number-one-predictor" is longer than 63/,
    );
  });

  it('GIVEN a champion/challenger whose gate pipeline is not in the app WHEN resolved THEN the app must deploy it', () => {
    const d = modelDeployment('churn', {
      serving: srv,
      strategy: championChallenger({
        challengers: { v8: { image: 'x:8' } },
        offlineGate: { pipeline: train },
        online: shadow({ mirrorPercent: 10, duration: '1h' }),
      }),
    });
    expect(() => resolveProject(project('p', { apps: [app('a', { deployments: [d] })] }))).toThrow(
      /offline gate relies on pipeline "train", which this app does not deploy/,
    );
    expect(
      resolveProject(project('p', { apps: [app('a', { deployments: [d], pipelines: [train] })] })).environments[0]
        ?.apps[0]?.deployments,
    ).toHaveLength(1);
  });

  it('GIVEN a champion/challenger whose training pipeline runs no champion gate WHEN declared THEN the offline gate is rejected, unless the gating component is named', () => {
    const ungated = pipeline(
      'fit-only',
      {},
      (p) => void p.task('fit', component('fit', { image: 'x:1', command: ['fit'] })),
    );
    const cc = (gateComponent?: string) =>
      championChallenger({
        challengers: { v8: { image: 'x:8' } },
        offlineGate: { pipeline: ungated, ...(gateComponent ? { gateComponent } : {}) },
        online: shadow({ mirrorPercent: 10, duration: '1h' }),
      });
    expect(() => cc()).toThrow(
      /championChallenger\(\) > offlineGate > pipeline: pipeline "fit-only" runs no "champion-gate" task.*\(got \["fit"\]\)/,
    );
    expect(cc('fit').ir.offlineGate.pipeline).toBe('fit-only');
  });

  it('GIVEN a deployment whose WorkflowTemplate clashes with a pipeline WHEN resolved THEN the collision is reported', () => {
    const clash = pipeline('churn-promote', {}, (p) => {
      p.task('fit', component('fit2', { image: 'x:1', command: ['fit'] }));
    });
    const d = modelDeployment('churn', {
      serving: isvc,
      strategy: canary({ candidate: { version: 'v43', storageUri: 's3://m/v43' }, steps: [{ weight: 10 }] }),
    });
    expect(() => resolveProject(project('p', { apps: [app('a', { deployments: [d], pipelines: [clash] })] }))).toThrow(
      /WorkflowTemplate "churn-promote" is already defined by app "a"/,
    );
  });

  it('GIVEN app(env => ...) WHEN resolved per environment THEN replicas and steps differ by environment', () => {
    const per = app('ranker', (env) => ({
      deployments: [
        modelDeployment('ranker', {
          serving: server({ image: 'x:1', port: 80, replicas: env.name === 'production' ? 6 : 1 }),
          strategy: canary({
            steps:
              env.name === 'production'
                ? [
                    { weight: 5, pause: '30m' },
                    { weight: 50, pause: '1h' },
                  ]
                : [{ weight: 50 }],
          }),
        }),
      ],
    }));
    const ir = resolveProject(
      project('p', { environments: [environment('staging'), environment('production')], apps: [per] }),
    );
    const deps = ir.environments.map((e) => e.apps[0]?.deployments[0]);
    expect(deps.map((d) => (d?.serving.kind === 'server' ? d.serving.replicas : 0))).toEqual([1, 6]);
    expect(deps.map((d) => (d?.strategy.kind === 'canary' ? d.strategy.steps.length : 0))).toEqual([1, 2]);
  });
});
