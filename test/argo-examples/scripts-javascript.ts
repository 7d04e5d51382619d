import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/scripts-javascript.yaml. A node script whose standard output becomes a typed step result. */
const javascriptScriptExample = template('javascript-script-example', {
  steps: steps((s) => {
    const generate = s.step('generate', genRandomInt);
    s.step('print', printMessage, { arguments: { parameters: { message: generate.outputs.result } } });
  }),
});

const genRandomInt = template('gen-random-int', {
  script: {
    image: 'node:9.1-alpine',
    command: ['node'],
    source: `var rand = Math.floor(Math.random() * 100);
console.log(rand);
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
  metadata: { generateName: 'scripts-javascript-' },
  spec: { entrypoint: javascriptScriptExample },
});
