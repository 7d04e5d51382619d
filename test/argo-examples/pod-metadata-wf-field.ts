import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/pod-metadata-wf-field.yaml. podMetadata on the workflow spec for every pod. */
const helloHelloHello = template('hello-hello-hello', {
  steps: steps((s) => {
    s.step('hello1', printMessage, { arguments: { parameters: { message: 'hello1' } } });
  }),
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'steps-' },
  spec: {
    entrypoint: helloHelloHello,
    podMetadata: {
      annotations: { 'iam.amazonaws.com/role': 'role-arn' },
      labels: { app: 'print-message', tier: 'demo' },
    },
  },
});
