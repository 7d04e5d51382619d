import { template, workflow } from '../../dsl/argo/index.ts';

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'arguments-parameters-' },
  spec: { entrypoint: printMessage, arguments: { parameters: { message: 'hello world' } } },
});
