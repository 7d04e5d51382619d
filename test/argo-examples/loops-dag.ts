import { dag, item, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/loops-dag.yaml. withItems on DAG tasks. */
const loopsDag = template('loops-dag', {
  dag: dag((d) => {
    const A = d.task('A', printMessage, { arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', printMessage, {
      depends: A,
      arguments: { parameters: { message: item } },
      withItems: ['foo', 'bar', 'baz'],
    });
    d.task('C', printMessage, { depends: B, arguments: { parameters: { message: 'C' } } });
  }),
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'loops-dag-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: loopsDag },
});
