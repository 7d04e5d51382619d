import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/exit-handler-step-level.yaml. Exit hooks on individual steps. */
const main = template('main', {
  steps: steps((s) => {
    s.step('hello1', printMessage, {
      arguments: { parameters: { message: 'hello1' } },
      hooks: { exit: { template: exit } },
    });
    s.parallel((g) => {
      g.step('hello2a', printMessage, {
        arguments: { parameters: { message: 'hello2a' } },
        hooks: { exit: { template: exit } },
      });
      g.step('hello2b', printMessage, {
        arguments: { parameters: { message: 'hello2b' } },
        hooks: { exit: { template: exit } },
      });
    });
  }),
});

const exit = template('exit', { container: { image: 'busybox', command: ['echo'], args: ['step cleanup'] } });

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'exit-handler-step-level-' },
  spec: { entrypoint: main },
});
