import { describe, expect, it } from 'vitest';
import { clusterWorkflowTemplate, template, workflow, workflowTemplate } from '../dsl/argo/index.ts';
import { app, environment, project } from '../dsl/project/project.ts';
import { synthesize } from '../synth/engine.ts';
import { renderArgoObject } from '../dsl/ir/argo-object.ts';

const hello = template('hello', { container: { image: 'busybox', args: ['hello'] } });

describe('Argo-native objects in a project', () => {
  const p = project('demo', {
    environments: [environment('staging', { namespace: 'ml-staging' })],
    apps: [
      app('examples', {
        workflows: [
          workflow({ metadata: { generateName: 'hello-' }, spec: { entrypoint: hello } }),
          workflowTemplate({ metadata: { name: 'hello' }, spec: { entrypoint: hello } }),
          clusterWorkflowTemplate({ metadata: { name: 'hello' }, spec: { entrypoint: hello } }),
        ],
      }),
    ],
  });
  const { files, ir } = synthesize(p, { pipelineBackend: 'kfp' });

  it('GIVEN workflows in an app WHEN resolved THEN the app IR carries them', () => {
    expect(ir.environments[0]?.apps[0]?.workflows?.map((w) => w.kind)).toEqual([
      'Workflow',
      'WorkflowTemplate',
      'ClusterWorkflowTemplate',
    ]);
  });

  it('GIVEN any pipeline backend WHEN synthesized THEN one file per object, generateName objects filed under their stem', () => {
    expect(files.map((f) => f.path)).toEqual([
      'staging/examples/clusterworkflowtemplate.hello.yaml',
      'staging/examples/workflow.hello.yaml',
      'staging/examples/workflowtemplate.hello.yaml',
    ]);
  });

  it('GIVEN a namespace WHEN rendered THEN namespaced kinds get it, cluster-scoped ones never, and generateName objects have no name', () => {
    const meta = Object.fromEntries(
      files.map((f) => [f.path.split('/')[2], (f.documents[0] as { metadata: Record<string, unknown> }).metadata]),
    );
    expect(meta['workflow.hello.yaml']).toMatchObject({ generateName: 'hello-', namespace: 'ml-staging' });
    expect(meta['workflow.hello.yaml']).not.toHaveProperty('name');
    expect(meta['workflowtemplate.hello.yaml']).toMatchObject({ name: 'hello', namespace: 'ml-staging' });
    expect(meta['clusterworkflowtemplate.hello.yaml']).not.toHaveProperty('namespace');
    expect(meta['workflowtemplate.hello.yaml']?.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'argosy' });
  });

  it('GIVEN an object that sets its own namespace WHEN rendered THEN that namespace wins', () => {
    const wf = workflow({ metadata: { name: 'w', namespace: 'argo' }, spec: { entrypoint: hello } });
    expect(renderArgoObject(wf.ir, 'ml-staging').metadata.namespace).toBe('argo');
  });
});

describe('Argo-native objects: name clashes', () => {
  const wt = (name: string) => workflowTemplate({ metadata: { name }, spec: { entrypoint: hello } });

  it('GIVEN two objects of one kind and name in an app WHEN resolved THEN a DslError names the app', () => {
    const p = project('demo', { apps: [app('examples', { workflows: [wt('same'), wt('same')] })] });
    expect(() => synthesize(p)).toThrow(
      /environment "default" > app "examples" > workflows\[1\]: two WorkflowTemplate objects are named "same"/,
    );
  });

  it('GIVEN the same WorkflowTemplate name in two apps of one namespace WHEN resolved THEN the clash is reported', () => {
    const p = project('demo', {
      apps: [app('one', { workflows: [wt('shared')] }), app('two', { workflows: [wt('shared')] })],
    });
    expect(() => synthesize(p)).toThrow(/app "two": WorkflowTemplate "shared" is also defined by app "one"/);
  });
});
