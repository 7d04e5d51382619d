import { dag, or, template, workflow } from '../../dsl/argo/index.ts';

/**
 * Consumer's own input default applies when a skipped producer declares no output default.
 * `producer` never runs (when: "false") and its output parameter `msg` declares NO default. `consumer`
 * references that (absent) output, but its own input parameter `in` declares a default. Rather than the
 * skipped reference clobbering that default with an empty string, the consumer's input default applies.
 * Expected: consumer logs "consumer got: [fallback-from-input]".
 */
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

const consume = template('consume', { inputs: { parameters: { in: { default: 'fallback-from-input' } } } }, ({ inputs }) => ({
  container: { image: 'argoproj/argosay:v2', args: ['echo', `consumer got: [${inputs.parameters.in}]`] },
}));

export default workflow({
  metadata: { generateName: 'consumer-input-default-' },
  spec: { entrypoint: main },
});
