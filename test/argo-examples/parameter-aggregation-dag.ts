import { dag, loopItem, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/parameter-aggregation-dag.yaml. Aggregating the output parameters of a looped DAG task. */
const item = loopItem('num', 'evenness');

const parameterAggregation = template('parameter-aggregation', {
  dag: dag((d) => {
    const oddOrEvenTask = d.task('odd-or-even', oddOrEven, {
      arguments: { parameters: { num: item } },
      withItems: [1, 2, 3, 4],
    });
    d.task('print-nums', printMessage, {
      depends: oddOrEvenTask,
      arguments: { parameters: { message: oddOrEvenTask.outputs.parameters.num } },
    });
    d.task('print-evenness', printMessage, {
      depends: oddOrEvenTask,
      arguments: { parameters: { message: oddOrEvenTask.outputs.parameters.evenness } },
    });
    const divideBy2Task = d.task('divide-by-2', divideBy2, {
      depends: oddOrEvenTask,
      arguments: { parameters: { num: item.num } },
      withParam: oddOrEvenTask.outputs.parameters,
      when: `${item.evenness} == even`,
    });
    d.task('print', printMessage, {
      depends: divideBy2Task,
      arguments: { parameters: { message: item } },
      withParam: divideBy2Task.outputs.result,
    });
  }),
});

const oddOrEven = template('odd-or-even', { inputs: { parameters: { num: {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
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
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo $((${inputs.parameters.num}/2))`] },
}));

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'parameter-aggregation-dag-' },
  spec: { entrypoint: parameterAggregation },
});
