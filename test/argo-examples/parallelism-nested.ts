import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/parallelism-nested.yaml. A parallel fan-out whose inner loop runs one item at a time (parallelism 1). */
const parallelWorker = template(
  'parallel-worker',
  { inputs: { parameters: { 'seq-list': {}, 'parallel-list': {} } } },
  ({ inputs }) => ({
    steps: steps((s) => {
      s.step('parallel-worker', seqWorker, {
        arguments: { parameters: { 'seq-list': inputs.parameters['seq-list'], 'parallel-id': item } },
        withParam: inputs.parameters['parallel-list'],
      });
    }),
  }),
);

const seqWorker = template(
  'seq-worker',
  { inputs: { parameters: { 'seq-list': {}, 'parallel-id': {} } } },
  ({ inputs }) => ({
    parallelism: 1,
    steps: steps((s) => {
      s.step('seq-step', oneJob, {
        arguments: { parameters: { 'parallel-id': inputs.parameters['parallel-id'], 'seq-id': item } },
        withParam: inputs.parameters['seq-list'],
      });
    }),
  }),
);

const oneJob = template('one-job', { inputs: { parameters: { 'seq-id': {}, 'parallel-id': {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['/bin/sh', '-c'],
    args: [`echo ${inputs.parameters['parallel-id']} ${inputs.parameters['seq-id']}; sleep 10`],
  },
}));

export default workflow({
  metadata: { generateName: 'parallelism-nested-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: {
    arguments: {
      parameters: {
        'seq-list': `["a","b","c","d"]
`,
        'parallel-list': `[1,2,3,4]
`,
      },
    },
    entrypoint: parallelWorker,
  },
});
