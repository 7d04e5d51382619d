import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo', inputs.parameters.message] },
}));

/** A diamond: A, then B and C in parallel, then D. */
const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', echo, { arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', echo, { depends: A, arguments: { parameters: { message: 'B' } } });
    const C = d.task('C', echo, { depends: A, arguments: { parameters: { message: 'C' } } });
    d.task('D', echo, { depends: and(B, C), arguments: { parameters: { message: 'D' } } });
  }),
});

export default workflow({ metadata: { generateName: 'dag-diamond-' }, spec: { entrypoint: diamond } });
