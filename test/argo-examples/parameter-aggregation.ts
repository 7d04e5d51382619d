import { loopItem, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/parameter-aggregation.yaml. Aggregating output parameters of looped steps. */
const item = loopItem('num', 'evenness');

const parameterAggregation = template('parameter-aggregation', {
  steps: steps((s) => {
    const oddOrEvenStep = s.step('odd-or-even', oddOrEven, {
      arguments: { parameters: { num: item } },
      withItems: [1, 2, 3, 4],
    });
    s.step('print-nums', printMessage, {
      arguments: { parameters: { message: oddOrEvenStep.outputs.parameters.num } },
    });
    s.step('print-evenness', printMessage, {
      arguments: { parameters: { message: oddOrEvenStep.outputs.parameters.evenness } },
    });
    const divideBy2Step = s.step('divide-by-2', divideBy2, {
      arguments: { parameters: { num: item.num } },
      withParam: oddOrEvenStep.outputs.parameters,
      when: `${item.evenness} == even`,
    });
    s.step('print', printMessage, {
      arguments: { parameters: { message: item } },
      withParam: divideBy2Step.outputs.result,
    });
  }),
});

const oddOrEven = template('odd-or-even', { inputs: { parameters: { num: {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-xc'],
    args: [
      `sleep 1 &&
echo ${inputs.parameters.num} > /tmp/num &&
if [ $((${inputs.parameters.num}%2)) -eq 0 ]; then
  echo "even" > /tmp/even;
else
  echo "odd" > /tmp/even;
fi
`,
    ],
  },
  outputs: {
    parameters: { num: { valueFrom: { path: '/tmp/num' } }, evenness: { valueFrom: { path: '/tmp/even' } } },
  },
}));

const divideBy2 = template('divide-by-2', { inputs: { parameters: { num: {} } } }, ({ inputs }) => ({
  script: {
    image: 'alpine:3.23',
    command: ['sh', '-x'],
    source: `#!/bin/sh
echo $((${inputs.parameters.num}/2))
`,
  },
}));

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'parameter-aggregation-' },
  spec: { entrypoint: parameterAggregation },
});
