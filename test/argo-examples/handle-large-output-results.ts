import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/handle-large-output-results.yaml. Items passed as an artifact, with a count parameter driving a withSequence loop over them. */
const handleLargeOutputResults = template('handle-large-output-results', {
  steps: steps((s) => {
    const getItemsStep = s.step('get-items', getItems);
    s.step('sequence-param', echo, {
      arguments: { parameters: { index: item }, artifacts: { items: getItemsStep.outputs.artifacts.items } },
      withSequence: { count: getItemsStep.outputs.parameters.count },
    });
  }),
});

const getItems = template('get-items', {
  container: {
    image: 'alpine:3.23',
    command: ['/bin/sh', '-c'],
    args: ['echo \'["a", "b", "c"]\' > /tmp/items && echo \'3\' > /tmp/count'],
  },
  outputs: {
    artifacts: { items: { path: '/tmp/items' } },
    parameters: { count: { valueFrom: { path: '/tmp/count' } } },
  },
});

const echo = template(
  'echo',
  {
    inputs: { parameters: { index: {} }, artifacts: { items: { path: '/tmp/items' } } },
  },
  ({ inputs }) => ({
    container: {
      image: 'stedolan/jq:latest',
      command: ['sh', '-c'],
      args: [`cat /tmp/items | jq '.[${inputs.parameters.index}]'`],
    },
  }),
);

export default workflow({
  metadata: {
    generateName: 'handle-large-output-results-',
    labels: { 'workflows.argoproj.io/no-test': 'flaky' },
  },
  spec: { entrypoint: handleLargeOutputResults },
});
