import { dag, or, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/skipped-output-defaults/producer-output-default.yaml. An output parameter default on the producer, read after a skipped task. */
const main = template('main', {
  dag: dag((d) => {
    const producer = d.task('producer', produce, { when: 'false' });
    d.task('consumer', consume, {
      depends: or(producer.succeeded, producer.skipped),
      arguments: { parameters: { in: producer.outputs.parameters.msg } },
    });
  }),
});

const produce = template('produce', {
  outputs: { parameters: { msg: { valueFrom: { path: '/tmp/out.txt', default: 'hello-from-producer' } } } },
  container: { image: 'argoproj/argosay:v2', args: ['echo', 'real-value', '/tmp/out.txt'] },
});

const consume = template('consume', { inputs: { parameters: { in: {} } } }, ({ inputs }) => ({
  container: { image: 'argoproj/argosay:v2', args: ['echo', `consumer got: [${inputs.parameters.in}]`] },
}));

export default workflow({
  metadata: { generateName: 'producer-output-default-' },
  spec: { entrypoint: main },
});
