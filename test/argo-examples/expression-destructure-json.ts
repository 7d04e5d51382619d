import { expr, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { config: '{"a": "1", "b": "2", "c": "3"}' } });

const main = template(
  'main',
  {
    inputs: {
      parameters: {
        a: { value: expr`jsonpath(${args.parameters.config}, '$.a')` },
        b: { value: expr`jsonpath(${args.parameters.config}, '$.b')` },
        c: { value: expr`jsonpath(${args.parameters.config}, '$.c')` },
      },
    },
  },
  ({ inputs }) => ({
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
  }),
);

export default workflow({
  metadata: {
    generateName: 'expression-destructure-json-',
    annotations: { 'workflows.argoproj.io/version': '>= 3.1.0' },
  },
  spec: { arguments: args, entrypoint: main },
});
