import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  component,
  eq,
  param,
  pipeline,
  resolveProject,
  project,
  app,
  environment,
  schedule,
} from '../../dsl/index.ts';
import { synthesizeIR } from '../../synth/engine.ts';
import { submitRbac } from './submit-rbac.ts';
import { workflowTemplate } from './workflow-template.ts';

const check = component('check', {
  image: 'python:3.12-slim',
  inputs: { date: param.string() },
  outputs: { drifted: param.bool() },
  command: ['check'],
});
const training = pipeline(
  'training',
  { params: { snapshotDate: param.string(), learningRate: param.float().default(0.05) } },
  (p, params) => {
    p.task('fit', check, { date: params.snapshotDate });
  },
);
const drift = pipeline('drift', { params: { snapshotDate: param.string() } }, (p, params) => {
  const c = p.task('check', check, { date: params.snapshotDate });
  p.when(eq(c.outputs.drifted, true), (p) => {
    p.submit('retrain', training, { snapshotDate: params.snapshotDate }).retry({ limit: 2, policy: 'OnError' });
  });
});
type Template = Record<string, unknown> & { name: string };
type Dag = { dag: { tasks: Record<string, unknown>[] } };
const templates = (obj: ReturnType<typeof workflowTemplate>): Template[] =>
  (obj.spec as { templates: Template[] }).templates;
const find = <T>(obj: ReturnType<typeof workflowTemplate>, name: string): T =>
  templates(obj).find((t) => t.name === name) as unknown as T;

describe('p.submit() on Argo', () => {
  it('GIVEN a conditional submit WHEN lowered THEN the DAG task passes its args and keeps the condition', () => {
    const dag = find<Dag>(workflowTemplate(drift.ir, 'ml'), 'drift');
    expect(dag.dag.tasks[1]).toEqual({
      name: 'retrain',
      template: 'submit-retrain',
      arguments: { parameters: [{ name: 'snapshotDate', value: '{{workflow.parameters.snapshotDate}}' }] },
      depends: 'check',
      when: '{{tasks.check.outputs.parameters.drifted}} == true',
    });
  });

  it('GIVEN a submit WHEN lowered THEN a resource template creates a Workflow named after the submitting run from the target template under the submitter account', () => {
    const t = find<Template & { resource: { action: string; manifest: string } }>(
      workflowTemplate(drift.ir, 'ml'),
      'submit-retrain',
    );
    expect(t.serviceAccountName).toBe('drift-submitter');
    expect(t.inputs).toEqual({ parameters: [{ name: 'snapshotDate' }] });
    expect(t.retryStrategy).toEqual({ limit: 2, retryPolicy: 'OnError' });
    expect(t.resource.action).toBe('create');
    expect(load(t.resource.manifest)).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      // A fixed name per submitting run: a retry after a create that went through gets AlreadyExists, never a second run.
      metadata: {
        name: '{{workflow.name}}-retrain',
        labels: {
          'argosy.dev/submitted-by': '{{workflow.name}}',
          'workflows.argoproj.io/workflow-template': 'training',
        },
      },
      spec: {
        workflowTemplateRef: { name: 'training' },
        arguments: { parameters: [{ name: 'snapshotDate', value: '{{inputs.parameters.snapshotDate}}' }] },
      },
    });
  });

  it('GIVEN a pipeline with a submit WHEN RBAC is generated THEN the Role only creates Workflows and reports task results', () => {
    const [sa, role, binding] = submitRbac(drift.ir, 'ml', 'production');
    expect(sa).toMatchObject({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'drift-submitter', namespace: 'ml' },
    });
    expect(role?.rules).toEqual([
      { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] },
      { apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] },
    ]);
    expect(binding).toMatchObject({
      roleRef: { kind: 'Role', name: 'drift-submitter' },
      subjects: [{ kind: 'ServiceAccount', name: 'drift-submitter', namespace: 'ml' }],
    });
  });

  it('GIVEN a pipeline without submits WHEN RBAC is generated THEN nothing is added', () => {
    expect(submitRbac(training.ir, 'ml', 'production')).toEqual([]);
  });

  it('GIVEN an environment without namespace WHEN RBAC is generated THEN the error asks for one', () => {
    expect(() => submitRbac(drift.ir, undefined, 'dev')).toThrow(
      /environment "dev" > pipeline "drift" > submit "retrain": p.submit\(\) needs the environment namespace/,
    );
  });

  it('GIVEN a submit inside a loop WHEN lowered THEN the loop item reaches the submitted run', () => {
    const fanout = pipeline('fanout', {}, (p) => {
      p.forEach('dates', ['2026-01-01', '2026-01-08'], (p, date) => {
        p.submit('backfill', training, { snapshotDate: date });
      });
    });
    const wt = workflowTemplate(fanout.ir, 'ml');
    const body = find<Dag>(wt, 'dates');
    expect(body.dag.tasks[0]).toMatchObject({
      template: 'submit-backfill',
      arguments: { parameters: [{ name: 'snapshotDate', value: '{{inputs.parameters.dates-item}}' }] },
    });
    // One run per item: a fixed name would make the second item fail, so the name is generated.
    const manifest = load(find<{ resource: { manifest: string } }>(wt, 'submit-backfill').resource.manifest) as {
      metadata: Record<string, unknown>;
    };
    expect(manifest.metadata.generateName).toBe('training-');
    expect(manifest.metadata.name).toBeUndefined();
  });

  it('GIVEN a schedule whose runs would name the submitted Workflow beyond 63 characters WHEN synthesized THEN the error names the schedule and the limit', () => {
    const synth = (name: string) =>
      synthesizeIR(
        resolveProject(
          project('acme', {
            environments: [environment('prod', { namespace: 'ml' })],
            apps: [
              app('drift', {
                pipelines: [drift, training],
                schedules: [schedule(drift, { name, cron: '0 6 * * *', args: { snapshotDate: '2026-01-01' } })],
              }),
            ],
          }),
        ),
      );
    // <name>-<10-digit time>-retrain: 44 + 11 + 8 = 63 fits, one more does not.
    expect(() => synth('a'.repeat(44))).not.toThrow();
    expect(() => synth('a'.repeat(45))).toThrow(
      /schedule "a{45}" > submit "retrain": .* up to 64 characters .* Argo allows 63 .*Shorten the schedule name to at most 44 characters/,
    );
  });
});
