import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This template demonstrates a how pod annotations and labels may be set at the template level
 */
const helloHelloHello = template('hello-hello-hello', {
  steps: steps((s) => {
    s.step('hello1', printMessage, { arguments: { parameters: { message: 'hello1' } } });
  }),
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
  metadata: {
    annotations: { 'iam.amazonaws.com/role': 'role-arn' },
    labels: { app: 'print-message', tier: 'demo' },
  },
}));

export default workflow({
  metadata: { generateName: 'steps-' },
  spec: { entrypoint: helloHelloHello },
});
