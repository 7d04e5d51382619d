import { template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { message: 'hello world' } });

const printMessage = template('print-message', {
  container: { image: 'busybox', command: ['echo'], args: [args.parameters.message] },
});

export default workflow({
  metadata: { generateName: 'global-parameters-' },
  spec: { entrypoint: printMessage, arguments: args },
});
