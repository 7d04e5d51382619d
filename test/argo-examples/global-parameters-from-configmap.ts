import { template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({
  parameters: { message: { valueFrom: { configMapKeyRef: { name: 'simple-parameters', key: 'msg' } } } },
});

const printMessage = template('print-message', {
  container: { image: 'busybox', command: ['echo'], args: [args.parameters.message] },
});

export default workflow({
  metadata: {
    generateName: 'global-parameter-values-from-configmap-',
    annotations: {
      'workflows.argoproj.io/description': `This example demonstrates loading global parameter values from a ConfigMap.
Note that the "simple-parameters" ConfigMap (defined in \`examples/configmaps/simple-parameters-configmap.yaml\`) needs to be created first before submitting this workflow.
`,
    },
  },
  spec: { entrypoint: printMessage, arguments: args },
});
