import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { application } from '../../charts/argocd/application.ts';
import { builtInIgnoreDifferences, mergeIgnoreDifferences } from '../../charts/argocd/controller-owned.ts';
import { rootApplication } from '../../charts/argocd/root-application.ts';
import { argoCd } from '../../dsl/index.ts';
import { resolveArgoCd } from '../../dsl/project/gitops.ts';
import type { AppIR, EnvironmentIR } from '../../dsl/ir/index.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { sharedDir } from '../shared-dir.ts';

const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

describe('Argo CD Applications are strict-valid against the Argo CD CRD schema', () => {
  it('GIVEN every option Argosy renders (automated sync, retry, destination by name, ignoreDifferences, excluded files) THEN the Application validates', () => {
    const cd = resolveArgoCd(
      argoCd({
        repoURL: 'https://github.com/acme/ml.git',
        targetRevision: 'main',
        path: 'ml/dist',
        project: 'ml',
        namespace: 'gitops',
        destination: { name: 'prod' },
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
        retry: { limit: 3, backoff: { duration: '5s', factor: 2, maxDuration: '1m' } },
      }),
    );
    const env: EnvironmentIR = { name: 'production', namespace: 'ml-prod', labels: {}, apps: [] };
    const app: AppIR = {
      name: 'ranking',
      description: 'Ranks products.',
      pipelines: [],
      schedules: [],
      deployments: [],
    };
    const ignore = mergeIgnoreDifferences(
      builtInIgnoreDifferences([
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          metadata: { name: 'r' },
          spec: {
            strategy: {
              canary: {
                trafficRouting: { istio: { virtualService: { name: 'vs' } }, managedRoutes: [{ name: 'mirror' }] },
              },
            },
          },
        },
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'h' },
          spec: { scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'r' } },
        },
        {
          apiVersion: 'serving.kserve.io/v1beta1',
          kind: 'InferenceService',
          metadata: { name: 'm' },
          spec: { predictor: { model: { modelFormat: { name: 'vllm' } } } },
        },
      ]),
    );
    const obj = application(cd, env, app, ignore, ['pipeline-spec.a.yaml', 'pipeline-spec.b.yaml']);
    expect(ignore).toHaveLength(3);
    expect(registry.validate(obj)).toEqual([]);
    // The environment's root (app of apps) with the same settings, and with manual sync and no cascade.
    expect(registry.validate(rootApplication(cd, env, 'argocd'))).toEqual([]);
    expect(
      registry.validate(
        rootApplication(
          resolveArgoCd(argoCd({ repoURL: 'git@github.com:acme/ml.git', cascadeDelete: false })),
          env,
          'argocd',
        ),
      ),
    ).toEqual([]);
  });
});
