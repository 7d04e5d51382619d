import { template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  resource: {
    action: 'patch',
    mergeStrategy: 'json',
    flags: ['workflow', vars.workflow.name],
    manifest: `- op: add
  path: /metadata/labels/foo
  value: bar
`,
  },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/description': `This example shows how to patch a workflow with json mergeStrategy
`,
    },
    generateName: 'k8s-patch-json-workflow-',
  },
  spec: { entrypoint: main },
});
