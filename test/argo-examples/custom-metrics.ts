import { steps, template, vars, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/custom-metrics.yaml. Prometheus gauge, counter and histogram metrics on templates, with conditions and labels. */
const stepsTpl = template('steps', {
  metrics: {
    prometheus: [
      {
        name: 'duration_gauge',
        labels: [{ key: 'name', value: 'steps' }],
        help: 'Duration gauge by name',
        gauge: { realtime: true, value: vars.duration },
      },
    ],
  },
  steps: steps((s) => {
    s.step('random-int', randomInt);
    s.step('flakey', flakey);
  }),
});

const randomInt = template('random-int', {}, ({ outputs }) => ({
  metrics: {
    prometheus: [
      {
        name: 'random_int_step_histogram',
        help: 'Value of the int emitted by random-int at step level',
        when: `${vars.status} == Succeeded`,
        histogram: { buckets: [2.01, 4.01, 6.01, 8.01, 10.01], value: outputs.parameter('rand-int-value') },
      },
      {
        name: 'duration_gauge',
        labels: [{ key: 'name', value: 'random-int' }],
        help: 'Duration gauge by name',
        gauge: { realtime: true, value: vars.duration },
      },
    ],
  },
  outputs: {
    parameters: { 'rand-int-value': { globalName: 'rand-int-value', valueFrom: { path: '/tmp/rand_int.txt' } } },
  },
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['RAND_INT=$((1 + RANDOM % 10)); echo $RAND_INT; echo $RAND_INT > /tmp/rand_int.txt'],
  },
}));

const flakey = template('flakey', {
  metrics: {
    prometheus: [
      {
        name: 'result_counter',
        help: 'Count of step execution by result status',
        labels: [
          { key: 'name', value: 'flakey' },
          { key: 'status', value: vars.status },
        ],
        counter: { value: '1' },
      },
    ],
  },
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
});

export default workflow({
  metadata: { generateName: 'hello-world-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: {
    entrypoint: stepsTpl,
    metrics: {
      prometheus: [
        {
          name: 'duration_gauge',
          labels: [{ key: 'name', value: 'workflow' }],
          help: 'Duration gauge by name',
          gauge: { realtime: true, value: vars.workflow.duration },
        },
      ],
    },
  },
});
