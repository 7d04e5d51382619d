import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/parallelism-nested-dag.yaml. parallelism limits on nested DAG templates. */
const a = template('A', {
  parallelism: 2,
  dag: dag((d) => {
    const b1 = d.task('b1', b, { arguments: { parameters: { msg: '1' } } });
    const b2 = d.task('b2', b, { depends: b1, arguments: { parameters: { msg: '2' } } });
    const b3 = d.task('b3', b, { depends: b1, arguments: { parameters: { msg: '3' } } });
    const b4 = d.task('b4', b, { depends: b1, arguments: { parameters: { msg: '4' } } });
    d.task('b5', b, { depends: and(b2, b3, b4), arguments: { parameters: { msg: '5' } } });
  }),
});

const b = template('B', { inputs: { parameters: { msg: {} } } }, ({ inputs }) => ({
  dag: dag((d) => {
    const c1 = d.task('c1', oneJob, { arguments: { parameters: { msg: `${inputs.parameters.msg} c1` } } });
    d.task('c2', oneJob, { depends: c1, arguments: { parameters: { msg: `${inputs.parameters.msg} c2` } } });
    d.task('c3', oneJob, { depends: c1, arguments: { parameters: { msg: `${inputs.parameters.msg} c3` } } });
  }),
}));

const oneJob = template('one-job', { inputs: { parameters: { msg: {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['/bin/sh', '-c'],
    args: [`echo ${inputs.parameters.msg}; sleep 10`],
  },
}));

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'duration' },
    generateName: 'parallelism-nested-dag-',
  },
  spec: { entrypoint: a },
});
