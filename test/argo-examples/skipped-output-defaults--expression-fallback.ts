import { dag, exprText, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/skipped-output-defaults/expression-fallback.yaml. An expression falling back to a value when a task was skipped. */
const main = template('main', {}, () => {
  const body = dag((d) => {
    const producer = d.task('producer', produce, { when: 'false' });
    return { producer };
  });
  return {
    dag: body,
    outputs: {
      parameters: {
        result: {
          valueFrom: { expression: exprText`${body.refs.producer.outputs.parameters.msg} ?? 'expr-fallback'` },
        },
      },
    },
  };
});

const produce = template('produce', {
  outputs: { parameters: { msg: { valueFrom: { path: '/tmp/out.txt' } } } },
  container: { image: 'argoproj/argosay:v2', args: ['echo', 'real-value', '/tmp/out.txt'] },
});

export default workflow({
  metadata: { generateName: 'expression-fallback-' },
  spec: { entrypoint: main },
});
