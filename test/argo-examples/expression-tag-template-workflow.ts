import { dag, expr, item, template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  dag: dag((d) => {
    d.task('task-0', pod0, {
      arguments: { parameters: { foo: expr`${item}` } },
      withParam: expr`toJson(filter([1, 3], {# > 1}))`,
    });
  }),
});

const pod0 = template('pod-0', { inputs: { parameters: { foo: {} } } }, ({ inputs }) => ({
  container: {
    image: 'argoproj/argosay:v2',
    args: [
      'echo',
      `hello ${expr`asInt(${inputs.parameters.foo}) * 10`} @ ${expr`sprig.date('2006', ${vars.workflow.creationTimestamp})`}
`,
      '/output',
    ],
  },
  outputs: { parameters: { output: { valueFrom: { path: '/output' } } } },
}));

export default workflow({
  metadata: {
    generateName: 'expression-tag-template-',
    annotations: { 'workflows.argoproj.io/version': '>= 3.1.0' },
  },
  spec: { entrypoint: main },
});
