import { steps, template, vars, workflowArguments, workflowTemplate } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { salutation: 'hello' } });

export const main = template('main', {
  steps: steps((s) => {
    s.step('a', argosay, {
      arguments: {
        parameters: { salutation: args.parameters.salutation, appellation: vars.workflow.parameter('appellation') },
      },
    });
  }),
});

export const argosay = template(
  'argosay',
  { inputs: { parameters: { salutation: {}, appellation: {} } } },
  ({ inputs }) => ({
    container: {
      image: 'argoproj/argosay:v2',
      args: ['echo', `${inputs.parameters.salutation} ${inputs.parameters.appellation}`],
    },
  }),
);

export const eventConsumer = workflowTemplate({
  metadata: { name: 'event-consumer' },
  spec: { entrypoint: main, arguments: args },
});

export default eventConsumer;
