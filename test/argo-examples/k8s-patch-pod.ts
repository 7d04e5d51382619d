import { template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  resource: {
    action: 'patch',
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: ${vars.pod.name}
  annotations:
    foo: bar
`,
  },
});

export default workflow({
  metadata: {
    generateName: 'k8s-patch-pod-',
    annotations: {
      'workflows.argoproj.io/description': `This example shows a standard patch with the default mergeStrategy (strategic)
`,
    },
  },
  spec: { entrypoint: main },
});
