import { template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  resource: {
    action: 'patch',
    mergeStrategy: 'json',
    flags: ['pod', vars.pod.name],
    manifest: `- op: add
  path: /metadata/annotations/foo
  value: bar
`,
  },
});

export default workflow({
  metadata: {
    generateName: 'k8s-patch-json-pod-',
    annotations: {
      'workflows.argoproj.io/description': `This example shows a more advanced patch with json mergeStrategy
`,
    },
  },
  spec: { entrypoint: main },
});
