import { describe, expect, it } from 'vitest';
import { app, argoCd, component, environment, pipeline, project, resolveProject, schedule } from '../../dsl/index.ts';
import { synthesizeIR } from '../../synth/engine.ts';
import { addObject } from '../api-object.ts';
import { targets } from '../index.ts';
import type { RenderedObject, Target } from '../target.ts';
import { builtInIgnoreDifferences, mergeIgnoreDifferences } from './controller-owned.ts';
import { syncWave } from './sync-waves.ts';

const step = component('step', {
  image: 'ghcr.io/acme/tools:1.0',
  inputs: {},
  outputs: {},
  command: ['run'],
  resources: { cpu: '1', memory: '1Gi' },
});
const train = pipeline('train', {}, (p) => {
  p.task('run', step, {});
});
const nightly = schedule(train, { name: 'train-nightly', cron: '0 2 * * *' });
const ranking = app('ranking', { description: 'Ranks products.', pipelines: [train], schedules: [nightly] });
const delivery = argoCd({
  repoURL: 'https://github.com/acme/ml.git',
  targetRevision: 'main',
  project: 'ml',
  automated: true,
});
const staging = environment('staging', { namespace: 'ml-staging' });
const production = environment('production', {
  namespace: 'ml-prod',
  argocd: { targetRevision: 'v1.2.0', automated: { prune: true, selfHeal: true }, destination: { name: 'prod' } },
});

const docs = (files: ReturnType<typeof synthesizeIR>, dir: string): RenderedObject[] =>
  files.filter((f) => f.path.startsWith(dir)).flatMap((f) => f.documents as RenderedObject[]);

/** A stand-in for the deployment targets: a Rollout shifting traffic through a VirtualService, plus a contributed entry. */
const fakeDeployments: Target = {
  name: 'fake-deployments',
  render(ctx) {
    addObject(ctx.chart, {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'ranker' },
      spec: {
        hosts: ['ranker'],
        http: [{ name: 'primary', route: [{ destination: { host: 'ranker-stable' }, weight: 100 }] }],
      },
    });
    addObject(ctx.chart, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'ranker' },
      spec: {
        strategy: {
          canary: {
            trafficRouting: {
              istio: { virtualService: { name: 'ranker', routes: ['primary'] } },
              managedRoutes: [{ name: 'mirror' }],
            },
          },
        },
      },
    });
    addObject(ctx.chart, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ranker-stable' }, spec: {} });
    ctx.emitFile({ fileName: 'pipeline-spec.train.yaml', documents: [{ pipelineInfo: { name: 'train' } }] });
  },
  ignoreDifferences: (objects) =>
    objects
      .filter((o) => o.kind === 'Service')
      .map((s) => ({
        group: '',
        kind: 'Service',
        name: s.metadata.name,
        jqPathExpressions: ['.spec.selector["rollouts-pod-template-hash"]'],
      })),
};

describe('Argo CD target', () => {
  it('GIVEN a project without argocd WHEN synthesized THEN no Application and no sync wave is written', () => {
    const files = synthesizeIR(resolveProject(project('acme', { environments: [staging], apps: [ranking] })));
    expect(files.map((f) => f.path)).toEqual([
      'staging/ranking/cronworkflow.train-nightly.yaml',
      'staging/ranking/workflowtemplate.train.yaml',
    ]);
    expect(files.some((f) => f.content.includes('sync-wave'))).toBe(false);
  });

  it('GIVEN argocd on the project and overrides on an environment WHEN synthesized THEN each environment gets its Applications with merged settings', () => {
    const files = synthesizeIR(
      resolveProject(project('acme', { environments: [staging, production], apps: [ranking], argocd: delivery })),
    );
    const [stagingApp] = docs(files, 'staging/argocd/');
    const [prodApp] = docs(files, 'production/argocd/');
    expect(stagingApp?.metadata).toMatchObject({ name: 'staging-ranking', namespace: 'argocd' });
    expect(stagingApp?.spec).toMatchObject({
      project: 'ml',
      source: { repoURL: 'https://github.com/acme/ml.git', targetRevision: 'main', path: 'dist/staging/ranking' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'ml-staging' },
      syncPolicy: { automated: { prune: false, selfHeal: false } },
      info: [{ name: 'description', value: 'Ranks products.' }],
    });
    expect(prodApp?.spec).toMatchObject({
      source: { targetRevision: 'v1.2.0', path: 'dist/production/ranking' },
      destination: { name: 'prod', namespace: 'ml-prod' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    });
  });

  it('GIVEN argocd WHEN synthesized THEN every object carries the sync wave of its kind', () => {
    const files = synthesizeIR(
      resolveProject(project('acme', { environments: [staging], apps: [ranking], argocd: delivery })),
    );
    const waves = docs(files, 'staging/ranking/').map(
      (o) => `${o.kind}=${o.metadata.annotations?.['argocd.argoproj.io/sync-wave']}`,
    );
    expect(waves).toEqual(['CronWorkflow=0', 'WorkflowTemplate=-1']);
  });

  it('GIVEN kinds that others depend on WHEN waves are assigned THEN they come first', () => {
    expect(syncWave('ServiceAccount')).toBeLessThan(syncWave('Service'));
    for (const dep of [
      'Service',
      'AnalysisTemplate',
      'WorkflowTemplate',
      'Role',
      'ServiceAccount',
      'VirtualService',
      'DestinationRule',
    ]) {
      for (const user of ['Rollout', 'Deployment', 'InferenceService', 'CronWorkflow'])
        expect(syncWave(dep)).toBeLessThan(syncWave(user));
    }
  });

  it('GIVEN a Rollout-managed VirtualService and a target contributing entries WHEN synthesized THEN the Application ignores those fields and respects that on sync', () => {
    const files = synthesizeIR(
      resolveProject(project('acme', { environments: [staging], apps: [ranking], argocd: delivery })),
      { targets: [...targets.slice(0, -1), fakeDeployments, targets.at(-1) as Target] },
    );
    const [application] = docs(files, 'staging/argocd/');
    const spec = application?.spec as Record<string, unknown>;
    expect(spec.ignoreDifferences).toEqual([
      {
        group: '',
        kind: 'Service',
        name: 'ranker-stable',
        jqPathExpressions: ['.spec.selector["rollouts-pod-template-hash"]'],
      },
      {
        group: 'networking.istio.io',
        kind: 'VirtualService',
        name: 'ranker',
        jqPathExpressions: ['.spec.http[].route[].weight', '.spec.http[] | select(.name == "mirror")'],
      },
    ]);
    expect((spec.syncPolicy as { syncOptions: string[] }).syncOptions).toEqual(['RespectIgnoreDifferences=true']);
    expect(spec.source).toMatchObject({ directory: { exclude: 'pipeline-spec.train.yaml' } });
  });

  it('GIVEN an app named argocd WHEN synthesized with argocd THEN it is a DslError naming the app', () => {
    const clash = app('argocd', { pipelines: [train] });
    expect(() =>
      synthesizeIR(resolveProject(project('acme', { environments: [staging], apps: [clash], argocd: delivery }))),
    ).toThrow(/app "argocd": the app name "argocd" is taken/);
  });

  it('GIVEN argocd WHEN synthesized THEN each environment has one root Application syncing its Applications directory, except its own file', () => {
    const files = synthesizeIR(
      resolveProject(project('acme', { environments: [staging, production], apps: [ranking], argocd: delivery })),
    );
    const roots = files.filter((f) => f.path.endsWith('-root.yaml'));
    expect(roots.map((f) => f.path)).toEqual([
      'production/argocd/application.production-root.yaml',
      'staging/argocd/application.staging-root.yaml',
    ]);
    const [prod, stag] = roots.map((f) => f.documents[0] as RenderedObject & { spec: Record<string, unknown> });
    expect(stag?.metadata).toMatchObject({
      name: 'staging-root',
      namespace: 'argocd',
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    });
    expect(stag?.spec).toMatchObject({
      project: 'ml',
      source: {
        repoURL: 'https://github.com/acme/ml.git',
        targetRevision: 'main',
        path: 'dist/staging/argocd',
        directory: { exclude: 'application.staging-root.yaml' },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
      syncPolicy: { automated: { prune: false, selfHeal: false } },
    });
    // The environment's revision and sync policy; Applications live where Argo CD runs, not on the apps' cluster.
    expect(prod?.spec).toMatchObject({
      source: { targetRevision: 'v1.2.0', path: 'dist/production/argocd' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    });
    // What the root syncs is exactly the per-app Applications of its environment.
    const synced = files.filter(
      (f) =>
        f.path.startsWith('production/argocd/') &&
        !f.path.endsWith((prod?.spec.source as { directory: { exclude: string } }).directory.exclude),
    );
    expect(synced.map((f) => (f.documents[0] as RenderedObject).metadata.name)).toEqual(['production-ranking']);
  });

  it('GIVEN an app named root WHEN synthesized with argocd THEN it is a DslError: its Application would take the root name', () => {
    const clash = app('root', { pipelines: [train] });
    expect(() =>
      synthesizeIR(resolveProject(project('acme', { environments: [staging], apps: [clash], argocd: delivery }))),
    ).toThrow(/app "root": the app name "root" is taken: its Application would be named staging-root/);
  });
});

describe('controller-owned fields', () => {
  const obj = (kind: string, name: string, spec: unknown, apiVersion = 'v1'): RenderedObject => ({
    apiVersion,
    kind,
    metadata: { name },
    spec,
  });

  it('GIVEN an HPA and a Triton InferenceService WHEN inspected THEN replicas and webhook defaults are ignored', () => {
    const found = builtInIgnoreDifferences([
      obj('HorizontalPodAutoscaler', 'h', {
        scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'r' },
      }),
      obj('InferenceService', 'm', { predictor: { model: { modelFormat: { name: 'triton' } } } }),
      obj('InferenceService', 'n', { predictor: { model: { modelFormat: { name: 'sklearn' } } } }),
    ]);
    expect(found).toEqual([
      { group: 'argoproj.io', kind: 'Rollout', name: 'r', jsonPointers: ['/spec/replicas'] },
      {
        group: 'serving.kserve.io',
        kind: 'InferenceService',
        name: 'm',
        jsonPointers: ['/metadata/annotations/modelFormat', '/spec/predictor/model/protocolVersion'],
      },
      {
        group: 'serving.kserve.io',
        kind: 'InferenceService',
        name: 'n',
        jsonPointers: ['/metadata/annotations/modelFormat'],
      },
    ]);
  });

  it('GIVEN a Rollout routed by DestinationRule subsets WHEN inspected THEN the subset hash labels Rollouts writes are ignored beside the weights', () => {
    const istio = {
      virtualService: { name: 'ranker' },
      destinationRule: { name: 'ranker-dr', canarySubsetName: 'canary', stableSubsetName: 'stable' },
    };
    expect(
      builtInIgnoreDifferences([
        obj('Rollout', 'ranker', { strategy: { canary: { trafficRouting: { istio } } } }, 'argoproj.io/v1alpha1'),
      ]),
    ).toEqual([
      {
        group: 'networking.istio.io',
        kind: 'VirtualService',
        name: 'ranker',
        jqPathExpressions: ['.spec.http[].route[].weight'],
      },
      {
        group: 'networking.istio.io',
        kind: 'DestinationRule',
        name: 'ranker-dr',
        jqPathExpressions: ['.spec.subsets[].labels["rollouts-pod-template-hash"]'],
      },
    ]);
  });

  it('GIVEN objects without controller-owned fields WHEN inspected THEN nothing is ignored', () => {
    expect(builtInIgnoreDifferences([obj('Deployment', 'd', {}), obj('VirtualService', 'v', {})])).toEqual([]);
  });

  it('GIVEN two entries for one object WHEN merged THEN their fields are united', () => {
    expect(
      mergeIgnoreDifferences([
        { group: 'g', kind: 'K', name: 'a', jsonPointers: ['/x'] },
        { group: 'g', kind: 'K', name: 'a', jsonPointers: ['/x', '/y'], jqPathExpressions: ['.z'] },
      ]),
    ).toEqual([{ group: 'g', kind: 'K', name: 'a', jsonPointers: ['/x', '/y'], jqPathExpressions: ['.z'] }]);
  });
});
