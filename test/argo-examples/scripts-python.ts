import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/scripts-python.yaml. A python script whose standard output becomes a typed step result. */
const pythonScriptExample = template('python-script-example', {
  steps: steps((s) => {
    const generate = s.step('generate', genRandomInt);
    s.step('print', printMessage, { arguments: { parameters: { message: generate.outputs.result } } });
  }),
});

const genRandomInt = template('gen-random-int', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import random
i = random.randint(1, 100)
print(i)
`,
  },
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [`echo result was: ${inputs.parameters.message}`],
  },
}));

export default workflow({
  metadata: { generateName: 'scripts-python-' },
  spec: { entrypoint: pythonScriptExample },
});
