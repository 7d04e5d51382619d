import { loopItem, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/parameter-aggregation-script.yaml. Aggregating script results of a loop as a JSON list. */
const item = loopItem('num', 'evenness');

const parameterAggregation = template('parameter-aggregation', {
  steps: steps((s) => {
    const oddOrEvenStep = s.step('odd-or-even', oddOrEven, {
      arguments: { parameters: { num: item } },
      withItems: [1, 2, 3, 4],
    });
    s.step('divide-by-2', divideBy2, {
      arguments: { parameters: { num: item.num } },
      withParam: oddOrEvenStep.outputs.result,
      when: `${item.evenness} == even`,
    });
  }),
});

const oddOrEven = template('odd-or-even', { inputs: { parameters: { num: {} } } }, ({ inputs }) => ({
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import json
i = ${inputs.parameters.num}
res = {
  "num": i,
  "evenness": "even" if i % 2 == 0 else "odd"
}
print(json.dumps(res))
`,
  },
}));

const divideBy2 = template('divide-by-2', { inputs: { parameters: { num: {} } } }, ({ inputs }) => ({
  script: {
    image: 'alpine:3.23',
    command: ['sh', '-x'],
    source: `echo $((${inputs.parameters.num}/2))
`,
  },
}));

export default workflow({
  metadata: { generateName: 'parameter-aggregation-script-' },
  spec: { entrypoint: parameterAggregation },
});
