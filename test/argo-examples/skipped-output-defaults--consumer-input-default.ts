import { dag, or, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/skipped-output-defaults/consumer-input-default.yaml. A consumer input with a default, for when the producing task was skipped. */
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
  outputs: { parameters: { msg: { valueFrom: { path: '/tmp/out.txt' } } } },
  container: { image: 'argoproj/argosay:v2', args: ['echo', 'real-value', '/tmp/out.txt'] },
});

const consume = template(
  'consume',
  { inputs: { parameters: { in: { default: 'fallback-from-input' } } } },
  ({ inputs }) => ({
    container: { image: 'argoproj/argosay:v2', args: ['echo', `consumer got: [${inputs.parameters.in}]`] },
  }),
);

export default workflow({
  metadata: { generateName: 'consumer-input-default-' },
  spec: { entrypoint: main },
});
