import { template, workflow } from '../../dsl/argo/index.ts';

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: {
    generateName: 'global-parameter-from-configmap-referenced-as-local-variable-',
    annotations: {
      'workflows.argoproj.io/description': `This example demonstrates how a global parameter from a ConfigMap can be referenced as a template local variable.
Note that the "simple-parameters" ConfigMap (defined in \`examples/configmaps/simple-parameters-configmap.yaml\`) needs to be created first before submitting this workflow.
`,
    },
  },
  spec: {
    entrypoint: printMessage,
    arguments: {
      parameters: { message: { valueFrom: { configMapKeyRef: { name: 'simple-parameters', key: 'msg' } } } },
    },
  },
});
