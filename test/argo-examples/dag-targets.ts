import { and, dag, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

/** Upstream examples/dag-targets.yaml. dag.target chosen by a workflow argument, so only part of the DAG runs. */
const args = workflowArguments({ parameters: { target: 'E' } });

const dagTarget = template('dag-target', {
  dag: dag((d) => {
    const A = d.task('A', echo, { arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', echo, { depends: A, arguments: { parameters: { message: 'B' } } });
    const C = d.task('C', echo, { depends: A, arguments: { parameters: { message: 'C' } } });
    d.task('D', echo, { depends: and(B, C), arguments: { parameters: { message: 'D' } } });
    d.task('E', echo, { depends: C, arguments: { parameters: { message: 'E' } } });
    d.target(args.parameters.target);
  }),
});

const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo', inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'dag-target-' },
  spec: { entrypoint: dagTarget, arguments: args },
});
