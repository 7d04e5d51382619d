import { and, dag, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

/**
 * This workflow illustrates the use of DAG "targets". Targets can be thought of similarly to make
 * targets. If specified, only a subset of the DAG tasks will be executed, just the tasks necessary
 * to reach the target(s). For example, given the following DAG workflow, specifying a dag.target of
 * 'E' will result in the execution of A, C, and E, while skipping execution of B and D.
 *    DAG          Executed
 *     A              A
 *    / \              \
 *   B   C              C
 *    \ / \              \
 *     D   E              E
 */
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
