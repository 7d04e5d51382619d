import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/k8s-wait-wf.yaml. Creating a Workflow from a resource template and waiting until it succeeds. */
const k8sWaitWf = template('k8s-wait-wf', {
  steps: steps((s) => {
    const createWfStep = s.step('create-wf', createWf);
    s.step('wait-wf', waitWf, {
      arguments: { parameters: { 'wf-name': createWfStep.outputs.parameters['wf-name'] } },
    });
  }),
});

const createWf = template('create-wf', {
  resource: {
    action: 'create',
    manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: sleep-
spec:
  entrypoint: sleep
  templates:
  - name: sleep
    container:
      image: alpine:3.23
      command: [sleep, "20"]
`,
  },
  outputs: { parameters: { 'wf-name': { valueFrom: { jsonPath: '{.metadata.name}' } } } },
});

const waitWf = template('wait-wf', { inputs: { parameters: { 'wf-name': {} } } }, ({ inputs }) => ({
  resource: {
    action: 'get',
    successCondition: 'status.phase == Succeeded',
    failureCondition: 'status.phase in (Failed, Error)',
    manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: ${inputs.parameters['wf-name']}
`,
  },
}));

export default workflow({
  metadata: { generateName: 'k8s-wait-wf-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: { entrypoint: k8sWaitWf },
});
