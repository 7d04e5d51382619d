import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * Output parameters provide a way to use the contents of a file,
 * as a parameter value in a workflow. In that regard, they are
 * similar in concept to script templates, with the difference being
 * that the output parameter values are obtained via file contents
 * instead of stdout (as with script templates). Secondly, there can
 * be multiple 'output.parameters.xxx' in a single template, versus
 * a single 'output.result' from a script template.
 * In this example, the 'hello-world-to-file' template produces an output
 * parameter named 'hello-param', taken from the file contents of
 * /tmp/hello_world.txt. This parameter is passed to a subsequent
 * step as an input parameter to the template, 'print-message'.
 */
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
