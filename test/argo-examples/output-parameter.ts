import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/output-parameter.yaml. An output parameter read from a file and passed to the next step. */
const outputParameter = template('output-parameter', {
  steps: steps((s) => {
    const generateParameter = s.step('generate-parameter', helloWorldToFile);
    s.step('consume-parameter', printMessage, {
      arguments: { parameters: { message: generateParameter.outputs.parameters['hello-param'] } },
    });
  }),
});

const helloWorldToFile = template('hello-world-to-file', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'],
  },
  outputs: {
    parameters: { 'hello-param': { valueFrom: { default: 'Foobar', path: '/tmp/hello_world.txt' } } },
  },
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'output-parameter-' },
  spec: { entrypoint: outputParameter },
});
