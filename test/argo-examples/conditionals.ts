import { expr, exprWith, steps, template, vars, workflow, workflowArguments } from '../../dsl/argo/index.ts';

/** Upstream examples/conditionals.yaml. `when` in govaluate and expr forms, including a double-quoted index built with exprWith. */
const args = workflowArguments({ parameters: { 'should-print': 'true' } });

const conditionalExample = template(
  'conditional-example',
  { inputs: { parameters: { 'should-print': {} } } },
  ({ inputs }) => ({
    steps: steps((s) => {
      s.parallel((g) => {
        g.step('print-hello-govaluate', argosay, { when: `${inputs.parameters['should-print']} == true` });
        g.step('print-hello-expr', argosay, {
          when: exprWith({ quote: '"' }).expr` ${inputs.parameters['should-print']} == 'true'`,
        });
        g.step('print-hello-expr-json', argosay, {
          when: expr`jsonpath(${vars.workflow.parameter('json')}, '$[0].value') == 'true'`,
        });
      });
    }),
  }),
);

const argosay = template('argosay', {
  container: { image: 'argoproj/argosay:v1', command: ['sh', '-c'], args: ['cowsay hello'] },
});

export default workflow({
  metadata: { generateName: 'conditional-' },
  spec: { entrypoint: conditionalExample, arguments: args },
});
