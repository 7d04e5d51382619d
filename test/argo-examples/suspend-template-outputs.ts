import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example uses a suspend template that expects outputs to be provided to it. These outputs may be provided by the CLI
 * with the 'argo node set' command, the API with the '/set' endpoint, or directly via K8s.
 * Example:
 *   argo node set suspend-outputs -p message="Hello, world!" --node-field-selector displayName=approve
 *   argo node set suspend-outputs --message="Test message" --node-field-selector displayName=approve
 *   argo resume suspend-outputs
 */
const suspend = template('suspend', {
  steps: steps((s) => {
    const approveStep = s.step('approve', approve);
    s.step('release', printMessage, {
      arguments: { parameters: { message: approveStep.outputs.parameters.message } },
    });
  }),
});

const approve = template('approve', {
  suspend: {},
  outputs: { parameters: { message: { valueFrom: { supplied: {} } } } },
});

const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export default workflow({
  metadata: { name: 'suspend-outputs', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: suspend },
});
