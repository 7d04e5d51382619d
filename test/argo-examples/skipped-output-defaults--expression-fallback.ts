import { dag, exprText, template, workflow } from '../../dsl/argo/index.ts';

/**
 * An expression can detect a skipped output's absence and choose a fallback with `??`.
 * `producer` never runs (when: "false") and its output parameter `msg` declares NO default, so it
 * resolves to an absent (nil) optional rather than an empty string. The DAG's own output `result` is
 * computed by a ValueFrom.Expression that uses expr-lang's nil-coalescing operator `??`, letting the
 * author decide the fallback. A real empty output ("") would NOT trigger `??` — only true absence does.
 * Expected: the workflow's output parameter `result` resolves to "expr-fallback".
 */
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
