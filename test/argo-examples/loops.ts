import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

const loopExample = template('loop-example', {
  steps: steps((s) => {
    s.step('print-message-loop', printMessage, {
      arguments: { parameters: { message: item } },
      withItems: ['hello world', 'goodbye world'],
    });
  }),
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'loops-' },
  spec: { entrypoint: loopExample },
});
