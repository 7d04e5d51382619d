import { loopItem, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/loops-arbitrary-sequential-steps.yaml. withParam over a list of step definitions, run one after another with parallelism 1. */
const item = loopItem('exit_code', 'message');

const loopArbitrarySequentialStepsExample = template(
  'loop-arbitrary-sequential-steps-example',
  { inputs: { parameters: { step_params: {} } } },
  ({ inputs }) => ({
    parallelism: 1,
    failFast: true,
    steps: steps((s) => {
      s.step('unit-step', unitStepTemplate, {
        arguments: { parameters: { exit_code: item.exit_code, message: item.message } },
        withParam: inputs.parameters.step_params,
      });
    }),
  }),
);

const unitStepTemplate = template(
  'unit-step-template',
  { inputs: { parameters: { exit_code: {}, message: {} } } },
  ({ inputs }) => ({
    container: {
      image: 'alpine:3.23',
      command: ['/bin/sh', '-c'],
      args: [`echo ${inputs.parameters.message}; exit ${inputs.parameters.exit_code}`],
    },
  }),
);

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'loop-arbitrary-sequential-steps-',
  },
  spec: {
    entrypoint: loopArbitrarySequentialStepsExample,
    arguments: {
      parameters: {
        step_params: `[
  { "exit_code": 0, "message": "succeeds 1" },
  { "exit_code": 0, "message": "succeeds 2" },
  { "exit_code": 0, "message": "succeeds 3" },
  { "exit_code": 1, "message": "will fail and stop here" },
  { "exit_code": 0, "message": "will not run" },
  { "exit_code": 0, "message": "will not run" }
]
`,
      },
    },
  },
});
