import { expr, exprWith, steps, template, vars, workflow, workflowArguments } from '../../dsl/argo/index.ts';

/**
 * Conditionals provide a way to affect the control flow of a
 * workflow at runtime, depending on parameters. In this example
 * the 'print-hello' template may or may not be executed depending
 * on the input parameter, 'should-print'. When submitted with:
 *   argo submit examples/conditionals.yaml
 * the step will be skipped since 'should-print' will evaluate false.
 * When submitted with:
 *   argo submit examples/conditionals.yaml -p should-print=true
 * the step will be executed since 'should-print' will evaluate true.
 */
const args = workflowArguments({ parameters: { 'should-print': 'true' } });

const conditionalExample = template('conditional-example', { inputs: { parameters: { 'should-print': {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('print-hello-govaluate', argosay, { when: `${inputs.parameters['should-print']} == true` });
      g.step('print-hello-expr', argosay, { when: exprWith({ quote: '"' }).expr` ${inputs.parameters['should-print']} == 'true'` });
      g.step('print-hello-expr-json', argosay, {
        when: expr`jsonpath(${vars.workflow.parameter('json')}, '$[0].value') == 'true'`,
      });
    });
  }),
}));

const argosay = template('argosay', {
  container: { image: 'argoproj/argosay:v1', command: ['sh', '-c'], args: ['cowsay hello'] },
});

export default workflow({
  metadata: { generateName: 'conditional-' },
  spec: { entrypoint: conditionalExample, arguments: args },
});
