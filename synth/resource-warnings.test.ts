import { describe, expect, it } from 'vitest';
import {
  app,
  canary,
  component,
  environment,
  kserve,
  minutes,
  modelDeployment,
  param,
  pipeline,
  project,
  resolveProject,
  server,
  type AnyPipeline,
} from '../dsl/index.ts';
import { resourceWarnings } from './resource-warnings.ts';

const bare = component('bare', { image: 'busybox:1.36', inputs: { text: param.string() }, command: ['echo'] });
const sized = component('sized', {
  image: 'busybox:1.36',
  command: ['true'],
  resources: { cpu: '100m', memory: '64Mi' },
});
const cpuOnly = component('cpu-only', { image: 'busybox:1.36', command: ['true'], resources: { cpu: '100m' } });

const warningsOf = (...pipelines: AnyPipeline[]) =>
  resourceWarnings(resolveProject(project('p', { apps: [app('a', { pipelines })] })));

describe('resourceWarnings', () => {
  it('GIVEN components without requests or a memory limit THEN each is named once with what it lacks', () => {
    const p = pipeline('train', {}, (p) => {
      p.task('one', bare, { text: 'a' });
      p.task('two', bare, { text: 'b' });
      p.task('ok', sized);
      p.forEach('each', ['x'], (p) => {
        p.task('inner', cpuOnly);
      });
    });
    expect(warningsOf(p)).toEqual([
      'component "bare" (task "one" of pipeline "train") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      'component "cpu-only" (task "inner" of pipeline "train") sets no requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    ]);
  });

  it('GIVEN a task that sets resources for a bare component THEN there is nothing to warn about', () => {
    const p = pipeline('fixed', {}, (p) => {
      p.task('one', bare, { text: 'a' }).resources({ cpu: '1', memory: '1Gi' });
    });
    expect(warningsOf(p)).toEqual([]);
  });

  it('GIVEN model deployments without requests or a memory limit THEN each serving container is named once, in both environments together', () => {
    const steps = [{ weight: 50, pause: minutes(5) }];
    const deployments = [
      modelDeployment('churn', {
        serving: kserve({
          format: 'xgboost',
          storageUri: 's3://models/churn/v1',
          transformer: { image: 'ghcr.io/acme/t:1', resources: { cpu: '1' } },
        }),
        strategy: canary({ steps }),
      }),
      modelDeployment('ranker', {
        serving: server({ image: 'ghcr.io/acme/ranker:7', port: 8080 }),
        strategy: canary({ steps }),
      }),
      modelDeployment('sized', {
        serving: kserve({
          format: 'xgboost',
          storageUri: 's3://models/sized/v1',
          resources: { cpu: '1', memory: '1Gi' },
        }),
        strategy: canary({ steps }),
      }),
    ];
    const ir = resolveProject(
      project('p', {
        environments: [environment('a', { namespace: 'a' }), environment('b', { namespace: 'b' })],
        apps: [app('a', { deployments })],
      }),
    );
    expect(resourceWarnings(ir)).toEqual([
      'deployment "churn" (KServe predictor) sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } in kserve({ resources })',
      'deployment "churn" (KServe transformer) sets no requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } in kserve({ transformer: { resources } })',
      'deployment "ranker" (model server) sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } in server({ resources })',
    ]);
  });
});
