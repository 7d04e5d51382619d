import { describe, expect, it } from 'vitest';
import { resolveProject } from '../dsl/index.ts';
import { deploymentFixtures, fixtureProject } from '../test/fixtures/deployments.ts';
import { appIgnoreDifferences } from './deployment-sync.ts';

const entries = (key: string) => {
  const app = resolveProject(fixtureProject(key)).environments[0]?.apps[0];
  if (!app) throw new Error('no app');
  return appIgnoreDifferences(app, 'ml-prod').map(
    (e) => `${e.kind}/${e.name}: ${(e.jqPathExpressions ?? []).join(' ; ')}`,
  );
};

describe('Argo CD ignoreDifferences for run-time-owned fields', () => {
  it('GIVEN each fixture WHEN listed THEN only the fields a controller or workflow changes are ignored', () => {
    const all = Object.fromEntries(Object.keys(deploymentFixtures).map((k) => [k, entries(k)]));
    expect(all).toEqual({
      'server-canary': ['VirtualService/ranker: .spec.http[].route[].weight'],
      'kserve-canary': [
        'InferenceService/churn: .spec.canary[].trafficPercent ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'server-shadow': [
        'VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "mirror")',
      ],
      'server-shadow-then-canary': [
        'VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "mirror")',
      ],
      'kserve-shadow': [
        'VirtualService/churn: .spec.http[].mirrorPercentage ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'server-ab-test': ['VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "ab")'],
      'kserve-ab-test': [
        'VirtualService/churn: .spec.http[].route[].weight ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'server-blue-green': [],
      'kserve-blue-green': [
        'InferenceService/churn: .spec.canary[].trafficPercent ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'server-champion-challenger': [
        'VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "ab")',
      ],
      'kserve-champion-challenger': [
        'VirtualService/churn: .spec.http[].mirrors[].percentage ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'server-ab-test-weighted': [
        'VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "primary") | .route',
      ],
      'kserve-canary-knative': [
        'InferenceService/churn: .spec.predictor.canaryTrafficPercent ; .metadata.annotations["argosy.dev/decided"]',
      ],
      'server-canary-subsets': [
        'VirtualService/ranker: .spec.http[].route[].weight',
        'DestinationRule/ranker: .spec.subsets[].labels["rollouts-pod-template-hash"]',
      ],
      'server-shadow-subsets': [
        'VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "mirror")',
        'DestinationRule/ranker: .spec.subsets[].labels["rollouts-pod-template-hash"]',
      ],
      'server-ab-test-weighted-subsets': [
        'VirtualService/ranker: .spec.http[].route[].weight ; .spec.http[] | select(.name == "primary") | .route',
        'DestinationRule/ranker: .spec.subsets[].labels["rollouts-pod-template-hash"] ; .spec.subsets[] | select(.name != "stable" and .name != "canary")',
      ],
    });
  });
});
