import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/suspend-template-outputs.yaml. A suspend template with supplied output parameters. */
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
