import { describe, expect, it } from 'vitest';
import { categorize, risksOf } from './risk.ts';

describe('risk categories', () => {
  it.each([
    ['VirtualService', 'spec.http[0].route[1].weight', 'traffic weight'],
    ['Rollout', 'spec.strategy.canary.steps[0].setWeight', 'traffic weight'],
    ['InferenceService', 'spec.predictor.canaryTrafficPercent', 'traffic weight'],
    ['InferenceService', 'spec.predictor.model.storageUri', 'model storage'],
    ['WorkflowTemplate', 'spec.templates[name=train].container.image', 'image'],
    ['CronWorkflow', 'spec.schedules[0]', 'schedule'],
    ['CronWorkflow', 'spec.timezone', 'schedule'],
    ['Role', 'rules[0].verbs[1]', 'RBAC'],
    ['ClusterRoleBinding', 'subjects[0].name', 'RBAC'],
  ])('GIVEN a %s change at %s WHEN categorized THEN it is a %s risk', (kind, path, category) => {
    expect(categorize(kind, path)).toBe(category);
  });

  it.each([
    ['WorkflowTemplate', 'spec.templates[name=train].container.args[0]'],
    ['ConfigMap', 'data.weight'],
    ['WorkflowTemplate', 'spec.schedule'],
  ])('GIVEN a %s change at %s WHEN categorized THEN it is not a risk', (kind, path) => {
    expect(categorize(kind, path)).toBeUndefined();
  });

  it('GIVEN an env var named like a model location WHEN its value changes THEN it is a model storage risk', () => {
    const object = { key: 'k', location: '', kind: 'Deployment', name: 'd', file: 'f', object: {} };
    expect(risksOf(object, [{ path: 'spec.template.spec.containers[name=s].env[name=MODEL_URI].value', before: 's3://a', after: 's3://b' }]).map((r) => r.category)).toEqual(['model storage']);
  });
});
