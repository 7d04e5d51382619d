import { template, workflow } from '../../dsl/argo/index.ts';

const printMessageFromConfigmap = template(
  'print-message-from-configmap',
  {
    inputs: {
      parameters: { message: { valueFrom: { configMapKeyRef: { name: 'simple-parameters', key: 'msg' } } } },
    },
  },
  ({ inputs }) => ({
    container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
  }),
);

export default workflow({
  metadata: {
    generateName: 'arguments-parameters-from-configmap-',
    annotations: {
      'workflows.argoproj.io/description': `This example demonstrates loading parameter values from a ConfigMap.
Note that the "simple-parameters" ConfigMap (defined in \`examples/configmaps/simple-parameters-configmap.yaml\`) needs to be created first before submitting this workflow.
`,
      'workflows.argoproj.io/verify.py': `assert status["phase"] == "Succeeded"
`,
    },
  },
  spec: { entrypoint: printMessageFromConfigmap },
});
