import { expectTypeOf, it } from 'vitest';
import type { AnalysisTemplate, CanaryStep, Rollout } from './imports/argo-rollouts.ts';
import type { Application } from './imports/argo-cd.ts';
import type { InferenceService } from './imports/kserve.ts';
import type { DestinationRule, VirtualService } from './imports/istio.ts';
import type { PrometheusRule } from './imports/prometheus-operator.ts';

const metadata = { name: 'churn' };

it('GIVEN the generated kinds THEN apiVersion and kind are fixed and a misspelt field does not compile', () => {
  const rollout: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata,
    // @ts-expect-error Rollout spec has `replicas`, not `replica`
    spec: { replica: 3 },
  };
  // @ts-expect-error a canary step sets `setWeight`
  const step: CanaryStep = { setweight: 10 };
  const template: AnalysisTemplate = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata,
    // @ts-expect-error metrics need a provider
    spec: { metrics: [{ name: 'error-rate' }] },
  };
  const isvc: InferenceService = {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata,
    // @ts-expect-error the model's URI is `storageUri`
    spec: { predictor: { model: { modelFormat: { name: 'xgboost' }, storageURI: 's3://m' } } },
  };
  const vs: VirtualService = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata,
    // @ts-expect-error a route destination's weight is a number
    spec: { http: [{ route: [{ destination: { host: 'churn' }, weight: '100' }] }] },
  };
  const dr: DestinationRule = {
    // @ts-expect-error Argosy writes networking.istio.io/v1
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    metadata,
    spec: { host: 'churn' },
  };
  const app: Application = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata,
    // @ts-expect-error an Application needs a destination
    spec: { project: 'default' },
  };
  const rule: PrometheusRule = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata,
    // @ts-expect-error a rule group is named
    spec: { groups: [{ rules: [] }] },
  };
  expectTypeOf(rollout.kind).toEqualTypeOf<'Rollout'>();
  void [step, template, isvc, vs, dr, app, rule];
});
