import { describe, expect, it } from 'vitest';
import {
  workflowFromCron,
  workflowFromTemplate,
  workflowInline,
  workflowResubmit,
  type ArgoObject,
} from './workflow-objects.ts';

const template: ArgoObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'WorkflowTemplate',
  metadata: {
    name: 'churn',
    namespace: 'ml',
    labels: { 'argosy.dev/app': 'churn' },
    annotations: { 'argocd.argoproj.io/sync-wave': '-1', 'workflows.argoproj.io/description': 'Churn training.' },
  },
  spec: {
    entrypoint: 'churn',
    arguments: {
      parameters: [
        { name: 'day', description: 'Snapshot day.' },
        { name: 'rate', value: '0.05' },
      ],
    },
    templates: [{ name: 'churn', dag: { tasks: [] } }],
  },
};
const meta = {
  pipeline: 'churn',
  namespace: 'ml',
  environment: 'staging',
  labels: { team: 'a' },
  parameters: [{ name: 'day', value: '2026-12-01' }],
};

describe('the Workflows a run is made of', () => {
  it('GIVEN a pipeline with an applied template THEN the run references it and carries the labels runs are listed by', () => {
    expect(workflowFromTemplate(meta)).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: {
        generateName: 'churn-',
        namespace: 'ml',
        labels: {
          team: 'a',
          'argosy.dev/pipeline': 'churn',
          'argosy.dev/environment': 'staging',
          'workflows.argoproj.io/workflow-template': 'churn',
        },
      },
      spec: {
        workflowTemplateRef: { name: 'churn' },
        arguments: { parameters: [{ name: 'day', value: '2026-12-01' }] },
      },
    });
  });

  it('GIVEN inline THEN the whole spec goes, given values replace the template ones, defaults and descriptions stay, Argo CD annotations do not', () => {
    const wf = workflowInline(template, meta);
    expect(wf.spec.arguments).toEqual({
      parameters: [
        { name: 'day', description: 'Snapshot day.', value: '2026-12-01' },
        { name: 'rate', value: '0.05' },
      ],
    });
    expect(wf.spec.templates).toEqual(template.spec.templates);
    expect(wf.metadata.annotations).toEqual({ 'workflows.argoproj.io/description': 'Churn training.' });
    expect((template.spec.arguments as { parameters: unknown[] }).parameters[0]).toEqual({
      name: 'day',
      description: 'Snapshot day.',
    });
  });

  it('GIVEN a CronWorkflow THEN the triggered run is what argo cron trigger makes: its workflowSpec, metadata, owner and scheduled time', () => {
    const cron: ArgoObject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'CronWorkflow',
      metadata: { name: 'churn-nightly', namespace: 'ml', uid: 'u-1' },
      spec: {
        schedules: ['0 3 * * *'],
        workflowMetadata: { labels: { 'argosy.dev/schedule': 'churn-nightly' } },
        workflowSpec: { workflowTemplateRef: { name: 'churn' } },
      },
    };
    expect(workflowFromCron(cron, new Date('2026-12-07T03:00:00.123Z'))).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: {
        generateName: 'churn-nightly-',
        namespace: 'ml',
        labels: { 'workflows.argoproj.io/cron-workflow': 'churn-nightly', 'argosy.dev/schedule': 'churn-nightly' },
        annotations: { 'workflows.argoproj.io/scheduled-time': '2026-12-07T03:00:00Z' },
        ownerReferences: [
          {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'CronWorkflow',
            name: 'churn-nightly',
            uid: 'u-1',
            controller: true,
          },
        ],
      },
      spec: { workflowTemplateRef: { name: 'churn' } },
    });
  });

  it('GIVEN a stopped, finished run THEN a resubmission drops the shutdown and the controller labels, and says what it retries', () => {
    const again = workflowResubmit({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: {
        name: 'churn-ab12c',
        namespace: 'ml',
        labels: {
          'argosy.dev/pipeline': 'churn',
          'workflows.argoproj.io/phase': 'Failed',
          'workflows.argoproj.io/completed': 'true',
        },
      },
      spec: { workflowTemplateRef: { name: 'churn' }, shutdown: 'Stop' },
    });
    expect(again.metadata).toEqual({
      generateName: 'churn-',
      namespace: 'ml',
      labels: { 'argosy.dev/pipeline': 'churn', 'argosy.dev/retry-of': 'churn-ab12c' },
    });
    expect(again.spec).toEqual({ workflowTemplateRef: { name: 'churn' } });
  });
});
