import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * script templates provide a way to run arbitrary snippets of code
 * in any language, to produce a output "result" via the standard out
 * of the template. Results can then be referenced using the variable,
 * {{steps.<stepname>.outputs.result}}, and used as parameter to other
 * templates, and in 'when', and 'withParam' clauses.
 * This example demonstrates the use of a javascript script to
 * generate a random number which is printed in the next step.
 */
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
