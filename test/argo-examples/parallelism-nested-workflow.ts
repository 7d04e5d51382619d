import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/parallelism-nested-workflow.yaml. parallelism limits on nested steps templates inside a loop. */
const a = template('A', { inputs: { parameters: { 'seq-list': {} } } }, ({ inputs }) => ({
  parallelism: 1,
  steps: steps((s) => {
    s.step('seq-step', b, {
      arguments: { parameters: { 'seq-id': item } },
      withParam: inputs.parameters['seq-list'],
    });
  }),
}));

const b = template('B', { inputs: { parameters: { 'seq-id': {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    s.step('jobs', oneJob, {
      arguments: { parameters: { 'seq-id': inputs.parameters['seq-id'] } },
      withParam: '[1, 2]',
    });
  }),
}));

const oneJob = template('one-job', { inputs: { parameters: { 'seq-id': {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['/bin/sh', '-c'],
    args: [`echo ${inputs.parameters['seq-id']}; sleep 30`],
  },
}));

export default workflow({
  metadata: {
    generateName: 'parallelism-nested-workflow-',
    labels: { 'workflows.argoproj.io/no-test': 'duration' },
  },
  spec: {
    arguments: {
      parameters: {
        'seq-list': `["a","b","c","d"]
`,
      },
    },
    entrypoint: a,
  },
});
