import { expr, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({
  parameters: {
    config: '{"employees": [{"name": "Baris", "age":43},{"name": "Mo", "age": 42}, {"name": "Jai", "age" :44}]}',
  },
});

const main = template(
  'main',
  {
    inputs: {
      parameters: {
        a: { value: expr`jsonpath(${args.parameters.config}, '$.employees[?(@.name=="Baris")].age')` },
        b: { value: expr`jsonpath(${args.parameters.config}, '$.employees[?(@.age>42 && @.age<44)].age')` },
        c: { value: expr`jsonpath(${args.parameters.config}, '$.employees[0:1]')` },
        d: { value: expr`jsonpath(${args.parameters.config}, '$.employees[*].name')` },
      },
    },
  },
  ({ inputs }) => ({
    script: {
      env: [
        { name: 'A', value: inputs.parameters.a },
        { name: 'B', value: inputs.parameters.b },
        { name: 'C', value: inputs.parameters.c },
        { name: 'D', value: inputs.parameters.d },
      ],
      image: 'busybox',
      command: ['sh'],
      source: `echo "$A$B$C$D"
`,
    },
  }),
);

export default workflow({
  metadata: { generateName: 'expression-destructure-json-complex-' },
  spec: { arguments: args, entrypoint: main },
});
