import { and, dag, item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/dag-diamond-steps.yaml. A DAG diamond whose nodes are steps templates with parallel groups. */
const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo', inputs.parameters.message] },
}));

const echoThrice = template('echo-thrice', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    s.step('echo', echo, {
      arguments: { parameters: { message: `${inputs.parameters.message}${item}` } },
      withItems: [1, 2, 3],
    });
  }),
}));

const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', echoThrice, { arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', echoThrice, { depends: A, arguments: { parameters: { message: 'B' } } });
    const C = d.task('C', echoThrice, { depends: A, arguments: { parameters: { message: 'C' } } });
    d.task('D', echoThrice, { depends: and(B, C), arguments: { parameters: { message: 'D' } } });
  }),
});

export default workflow({
  metadata: { generateName: 'dag-diamond-steps-' },
  spec: { entrypoint: diamond },
});
