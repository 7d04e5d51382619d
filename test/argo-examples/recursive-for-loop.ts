import { steps, template, type Template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/recursive-for-loop.yaml. A steps template that runs itself until a counter reaches a limit. */
const plan = template('plan', {
  steps: steps((s) => {
    s.step('recurse', loop, { arguments: { parameters: { counter: '0', limit: '10' } } });
  }),
});

const loop: Template<{ parameters: { counter: {}; limit: {} } }, {}> = template(
  'loop',
  { inputs: { parameters: { counter: {}, limit: {} } } },
  ({ inputs }) => ({
    steps: steps((s) => {
      const iterateCounter = s.step('iterate-counter', counterIteration, {
        arguments: { parameters: { counter: inputs.parameters.counter } },
      });
      s.step('continue', loop, {
        when: `${iterateCounter.outputs.result} < ${inputs.parameters.limit}`,
        arguments: { parameters: { counter: iterateCounter.outputs.result, limit: inputs.parameters.limit } },
      });
    }),
  }),
);

const counterIteration = template('counter-iteration', { inputs: { parameters: { counter: {} } } }, ({ inputs }) => ({
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `print(${inputs.parameters.counter} + 1)
`,
  },
}));

export default workflow({
  metadata: { generateName: 'recursive-loop-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: { entrypoint: plan },
});
