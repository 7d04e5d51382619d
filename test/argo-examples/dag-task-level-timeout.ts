import { dag, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/dag-task-level-timeout.yaml. A timeout on a template run as a DAG task. */
const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', echo, { arguments: { parameters: { timeout: '20s' } } });
    d.task('B', echo, { depends: A, arguments: { parameters: { timeout: '10s' } } });
    d.task('C', echo, { depends: A, arguments: { parameters: { timeout: '20s' } } });
  }),
});

const echo = template('echo', { inputs: { parameters: { timeout: {} } } }, ({ inputs }) => ({
  timeout: inputs.parameters.timeout,
  container: { image: 'busybox', command: ['sleep', '15s'] },
}));

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'expected-failure' },
    generateName: 'dag-task-level-timeout-',
  },
  spec: { entrypoint: diamond },
});
