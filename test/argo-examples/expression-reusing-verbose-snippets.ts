import { expr, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

/** Upstream examples/expression-reusing-verbose-snippets.yaml. An input parameter holding one verbose expression result, read by three short expressions. */
const args = workflowArguments({
  parameters: { weather: '{"weekWeather": "eyJ0ZW1wcyI6IFszNCwgMjcsIDE1LCA1NywgNDZdfQo="}' },
});

const main = template(
  'main',
  {
    inputs: {
      parameters: {
        'week-temps': {
          value: expr`
  map([
      jsonpath(sprig.b64dec(jsonpath(${args.parameters.weather}, '$.weekWeather')), '$.temps')
    ], {
      toJson({
        avg: sprig.add(#[0], #[1], #[2], #[3], #[4]) / 5,
        min: sprig.min(#[0], #[1], #[2], #[3], #[4]),
        max: sprig.max(#[0], #[1], #[2], #[3], #[4])
      })
  })[0]
`,
        },
      },
    },
  },
  ({ inputs }) => ({
    script: {
      env: [
        { name: 'AVG', value: expr`jsonpath(${inputs.parameters['week-temps']}, '$.avg')` },
        { name: 'MIN', value: expr`jsonpath(${inputs.parameters['week-temps']}, '$.min')` },
        { name: 'MAX', value: expr`jsonpath(${inputs.parameters['week-temps']}, '$.max')` },
      ],
      image: 'busybox',
      command: ['sh'],
      source: `echo "The week's average temperature was $AVG with a minimum of $MIN and a maximum of $MAX."
`,
    },
  }),
);

export default workflow({
  metadata: { generateName: 'expression-reusing-verbose-snippets-' },
  spec: { arguments: args, entrypoint: main },
});
