import { steps, template, workflow } from '../../dsl/argo/index.ts';

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

/** hello1 runs first, then hello2a and hello2b run in parallel. */
const helloHelloHello = template('hello-hello-hello', {
  steps: steps((s) => {
    s.step('hello1', printMessage, { arguments: { parameters: { message: 'hello1' } } });
    s.parallel((g) => {
      g.step('hello2a', printMessage, { arguments: { parameters: { message: 'hello2a' } } });
      g.step('hello2b', printMessage, { arguments: { parameters: { message: 'hello2b' } } });
    });
  }),
});

export default workflow({ metadata: { generateName: 'steps-' }, spec: { entrypoint: helloHelloHello } });
