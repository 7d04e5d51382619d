import { dag, or, template, workflow } from '../../dsl/argo/index.ts';

/**
 * Producer output default flows to a downstream consumer when the producer is skipped.
 * `producer` never runs (when: "false") so it produces no outputs. Because its output parameter
 * `msg` declares a `valueFrom.default`, any task that references `{{tasks.producer.outputs.parameters.msg}}`
 * receives that declared default ("hello-from-producer") instead of an empty string.
 * Expected: consumer logs "consumer got: [hello-from-producer]".
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
