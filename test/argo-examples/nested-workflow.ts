import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/nested-workflow.yaml. A steps template whose own outputs come from one of its steps (valueFrom.parameter and from). */
const nestedWorkflowExample = template('nested-workflow-example', {
  steps: steps((s) => {
    const generateStep = s.step('generate', generate);
    const nestedWfStep = s.step('nested-wf', nestedWf, {
      arguments: {
        parameters: { 'nested-in-parameter': generateStep.outputs.parameters['out-parameter'] },
        artifacts: { 'nested-in-artifact': generateStep.outputs.artifacts['out-artifact'] },
      },
    });
    s.step('consume', consume, {
      arguments: {
        parameters: { 'in-parameter': nestedWfStep.outputs.parameters['nested-out-parameter'] },
        artifacts: { 'in-artifact': nestedWfStep.outputs.artifacts['nested-out-artifact'] },
      },
    });
  }),
});

const generate = template('generate', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: [
      " echo hello world | tee /tmp/my-output-artifact.txt && echo 'my-output-parameter' > /tmp/my-output-parameter.txt ",
    ],
  },
  outputs: {
    parameters: { 'out-parameter': { valueFrom: { path: '/tmp/my-output-parameter.txt' } } },
    artifacts: { 'out-artifact': { path: '/tmp/my-output-artifact.txt' } },
  },
});

const nestedWf = template(
  'nested-wf',
  {
    inputs: { parameters: { 'nested-in-parameter': {} }, artifacts: { 'nested-in-artifact': {} } },
  },
  ({ inputs }) => {
    const body = steps((s) => {
      const [generateStep] = s.parallel((g) => {
        g.step('consume', consume, {
          arguments: {
            parameters: { 'in-parameter': inputs.parameters['nested-in-parameter'] },
            artifacts: { 'in-artifact': inputs.artifacts['nested-in-artifact'] },
          },
        });
        const generateStep = g.step('generate', generate);
        return [generateStep] as const;
      });
      return { generateStep };
    });
    return {
      steps: body,
      outputs: {
        parameters: {
          'nested-out-parameter': {
            valueFrom: { parameter: body.refs.generateStep.outputs.parameters['out-parameter'] },
          },
        },
        artifacts: { 'nested-out-artifact': { from: body.refs.generateStep.outputs.artifacts['out-artifact'] } },
      },
    };
  },
);

const consume = template(
  'consume',
  {
    inputs: { parameters: { 'in-parameter': {} }, artifacts: { 'in-artifact': { path: '/tmp/art' } } },
  },
  ({ inputs }) => ({
    container: {
      image: 'alpine:3.23',
      command: ['sh', '-c'],
      args: [
        ` echo 'input parameter value: ${inputs.parameters['in-parameter']}' && echo 'input artifact contents:' && cat /tmp/art `,
      ],
    },
  }),
);

export default workflow({
  metadata: { generateName: 'nested-workflow-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: nestedWorkflowExample },
});
