import { template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  resource: {
    action: 'patch',
    mergeStrategy: 'merge',
    flags: ['pod', vars.pod.name],
    manifest: `metadata:
  annotations:
    foo: bar
`,
  },
});

export default workflow({
  metadata: {
    generateName: 'k8s-patch-merge-pod-',
    annotations: {
      'workflows.argoproj.io/description': `This example shows a more advanced JSON merge patch
`,
    },
  },
  spec: { entrypoint: main },
});
