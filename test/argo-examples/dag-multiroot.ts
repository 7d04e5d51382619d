import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/dag-multiroot.yaml. A DAG with two root tasks. */
const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo', inputs.parameters.message] },
}));

const multiroot = template('multiroot', {
  dag: dag((d) => {
    const A = d.task('A', echo, { arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', echo, { arguments: { parameters: { message: 'B' } } });
    d.task('C', echo, { depends: A, arguments: { parameters: { message: 'C' } } });
    d.task('D', echo, { depends: and(A, B), arguments: { parameters: { message: 'D' } } });
  }),
});

export default workflow({
  metadata: { generateName: 'dag-multiroot-' },
  spec: { entrypoint: multiroot },
});
