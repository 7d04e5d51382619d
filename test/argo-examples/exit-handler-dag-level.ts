import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/exit-handler-dag-level.yaml. onExit on every task of a DAG. */
const main = template('main', {
  dag: dag((d) => {
    const A = d.task('A', echo, { onExit: exit, arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', echo, { depends: A, onExit: exit, arguments: { parameters: { message: 'B' } } });
    const C = d.task('C', echo, { depends: A, onExit: exit, arguments: { parameters: { message: 'C' } } });
    d.task('D', echo, { depends: and(B, C), onExit: exit, arguments: { parameters: { message: 'D' } } });
  }),
});

const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

const exit = template('exit', { container: { image: 'busybox', command: ['echo'], args: ['task cleanup'] } });

export default workflow({
  metadata: { generateName: 'exit-hanlder-dag-level-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: { entrypoint: main },
});
