import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/scripts-bash.yaml. A bash script whose standard output becomes a typed step result. */
const bashScriptExample = template('bash-script-example', {
  steps: steps((s) => {
    const generate = s.step('generate', genRandomInt);
    s.step('print', printMessage, { arguments: { parameters: { message: generate.outputs.result } } });
  }),
});

const genRandomInt = template('gen-random-int', {
  script: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    source: `cat /dev/urandom | od -N2 -An -i | awk -v f=1 -v r=100 '{printf "%i\\n", f + r * $1 / 65536}'
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
  metadata: { generateName: 'scripts-bash-' },
  spec: { entrypoint: bashScriptExample },
});
