import { expr, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const argsTpl = workflowArguments({ parameters: { config: '{"a": "1", "b": "2", "c": "3"}' } });

const main = template('main', {
  inputs: {
    parameters: {
      a: { value: expr`jsonpath(${argsTpl.parameters.config}, '$.a')` },
      b: { value: expr`jsonpath(${argsTpl.parameters.config}, '$.b')` },
      c: { value: expr`jsonpath(${argsTpl.parameters.config}, '$.c')` },
    },
  },
}, ({ inputs }) => ({
  script: {
    env: [
      { name: 'A', value: inputs.parameters.a },
      { name: 'B', value: inputs.parameters.b },
      { name: 'C', value: inputs.parameters.c },
    ],
    image: 'busybox',
    command: ['sh'],
    source: `echo "$A$B$C"
`,
  },
}));

export default workflow({
  metadata: {
    generateName: 'expression-destructure-json-',
    annotations: { 'workflows.argoproj.io/version': '>= 3.1.0' },
  },
  spec: { arguments: argsTpl, entrypoint: main },
});
