import { steps, template, workflow } from '../../dsl/argo/index.ts';

const exitCodeOutputVariable = template('exit-code-output-variable', {
  steps: steps((s) => {
    const failingContainerStep = s.step('failing-container', failingContainer, { continueOn: { failed: true } });
    s.step('echo-container', echoContainer, {
      arguments: { parameters: { exitCode: failingContainerStep.exitCode } },
    });
  }),
});

const failingContainer = template('failing-container', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 123'] },
});

const echoContainer = template('echo-container', { inputs: { parameters: { exitCode: {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [`echo "Exit code was: ${inputs.parameters.exitCode}"`],
  },
}));

export default workflow({
  metadata: { generateName: 'exit-code-output-variable-' },
  spec: { entrypoint: exitCodeOutputVariable },
});
