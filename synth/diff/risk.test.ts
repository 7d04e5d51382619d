import { describe, expect, it } from 'vitest';
import { categorize, isTrafficParameter, risksOf } from './risk.ts';

describe('risk categories', () => {
  it.each([
    ['VirtualService', 'spec.http[0].route[1].weight', 'traffic weight'],
    ['Rollout', 'spec.strategy.canary.steps[0].setWeight', 'traffic weight'],
    ['InferenceService', 'spec.predictor.canaryTrafficPercent', 'traffic weight'],
    ['InferenceService', 'spec.predictor.model.storageUri', 'model storage'],
    ['WorkflowTemplate', 'spec.templates[name=train].container.image', 'image'],
    ['CronWorkflow', 'spec.schedules[0]', 'schedule'],
    ['CronWorkflow', 'spec.timezone', 'schedule'],
    ['RecurringRun', 'trigger.cronSchedule.cron', 'schedule'],
    ['RecurringRun', 'mode', 'schedule'],
    ['Role', 'rules[0].verbs[1]', 'RBAC'],
    ['ClusterRoleBinding', 'subjects[0].name', 'RBAC'],
  ])('GIVEN a %s change at %s WHEN categorized THEN it is a %s risk', (kind, path, category) => {
    expect(categorize(kind, path)).toBe(category);
  });

  it.each([
    ['WorkflowTemplate', 'spec.templates[name=train].container.args[0]'],
    ['ConfigMap', 'data.weight'],
    ['WorkflowTemplate', 'spec.schedule'],
    ['RecurringRun', 'description'],
    ['PipelineSpec', 'trigger'],
  ])('GIVEN a %s change at %s WHEN categorized THEN it is not a risk', (kind, path) => {
    expect(categorize(kind, path)).toBeUndefined();
  });

  it('GIVEN an env var named like a model location WHEN its value changes THEN it is a model storage risk', () => {
    const object = { key: 'k', location: '', kind: 'Deployment', name: 'd', file: 'f', object: {} };
    expect(
      risksOf(object, [
        { path: 'spec.template.spec.containers[name=s].env[name=MODEL_URI].value', before: 's3://a', after: 's3://b' },
      ]).map((r) => r.category),
    ).toEqual(['model storage']);
  });
});

describe('traffic weights carried by Argo parameters', () => {
  const object = (kind: string) => ({
    key: 'k',
    location: 'staging/search',
    kind,
    name: 'search-retriever-promote',
    file: 'f',
    object: {},
  });
  const step = 'spec.templates[name=main].steps[0][name=set-weight-1].arguments.parameters[name=percent].value';

  it('GIVEN a KServe promotion WorkflowTemplate WHEN a step weight changes THEN it is a traffic weight risk', () => {
    expect(risksOf(object('WorkflowTemplate'), [{ path: step, before: '25', after: '30' }])).toEqual([
      { category: 'traffic weight', object: object('WorkflowTemplate'), path: step, before: '25', after: '30' },
    ]);
  });

  it('GIVEN a promotion workflow WHEN a whole weight step is added THEN the weight inside it is a risk', () => {
    const added = {
      name: 'set-weight-2',
      template: 'set-traffic',
      arguments: { parameters: [{ name: 'percent', value: '60' }] },
    };
    expect(
      risksOf(object('WorkflowTemplate'), [{ path: 'spec.templates[name=main].steps[1]', after: [added] }]).map((r) => [
        r.category,
        r.path,
        r.after,
      ]),
    ).toEqual([
      [
        'traffic weight',
        'spec.templates[name=main].steps[1][name=set-weight-2].arguments.parameters[name=percent].value',
        '60',
      ],
    ]);
  });

  it.each(['percent', 'canary-weight', 'trafficPercent', 'TRAFFIC_PERCENT', 'weights'])(
    'GIVEN a parameter named %s WHEN classified THEN it carries traffic',
    (name) => {
      expect(isTrafficParameter(name)).toBe(true);
    },
  );

  it.each(['percentile', 'sample-size', 'learningRate', 'overweighted'])(
    'GIVEN a parameter named %s WHEN classified THEN it does not',
    (name) => {
      expect(isTrafficParameter(name)).toBe(false);
    },
  );

  it('GIVEN the same parameter change WHEN it is in a ConfigMap or a non-weight parameter THEN it is no risk', () => {
    expect(categorize('ConfigMap', step)).toBeUndefined();
    expect(categorize('WorkflowTemplate', step.replace('percent', 'epochs'))).toBeUndefined();
  });

  it('GIVEN a container added to a changed object WHEN diffed THEN its image is a risk', () => {
    expect(
      risksOf(object('Deployment'), [
        { path: 'spec.template.spec.containers[name=proxy]', after: { name: 'proxy', image: 'envoy:1.30' } },
      ]).map((r) => r.path),
    ).toEqual(['spec.template.spec.containers[name=proxy].image']);
  });
});
