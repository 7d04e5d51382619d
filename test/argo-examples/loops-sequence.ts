import { item, steps, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { count: '3' } });

const loopsSequence = template('loops-sequence', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('sequence-count', echo, {
        arguments: { parameters: { msg: item } },
        withSequence: { count: '5' },
      });
      g.step('sequence-start-end', echo, {
        arguments: { parameters: { msg: item } },
        withSequence: { start: '100', end: '105' },
      });
      g.step('sequence-param', echo, {
        arguments: { parameters: { msg: item } },
        withSequence: { start: '200', count: args.parameters.count },
      });
      g.step('sequence-negative', echo, {
        arguments: { parameters: { msg: item } },
        withSequence: { start: '5', end: '0' },
      });
      g.step('sequence-format', echo, {
        arguments: { parameters: { msg: item } },
        withSequence: { count: '5', format: 'testuser%02X' },
      });
    });
  }),
});

const echo = template('echo', { inputs: { parameters: { msg: {} } } }, ({ inputs }) => ({
  container: { image: 'alpine:3.23', command: ['echo', inputs.parameters.msg] },
}));

export default workflow({
  metadata: { generateName: 'loops-sequence-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: loopsSequence, arguments: args },
});
