import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/workflow-of-workflows.yaml. Steps creating child Workflows from WorkflowTemplates with resource templates. */
const main = template('main', {
  steps: steps((s) => {
    s.step('workflow1', resourceWithoutArgument, {
      arguments: { parameters: { workflowtemplate: 'workflow-template-submittable' } },
    });
    s.step('workflow2', resourceWithArgument, {
      arguments: { parameters: { workflowtemplate: 'workflow-template-submittable', message: 'Welcome Argo' } },
    });
  }),
});

const resourceWithoutArgument = template(
  'resource-without-argument',
  { inputs: { parameters: { workflowtemplate: {} } } },
  ({ inputs }) => ({
    resource: {
      action: 'create',
      manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: workflow-of-workflows-1-
spec:
  workflowTemplateRef:
    name: ${inputs.parameters.workflowtemplate}
`,
      successCondition: 'status.phase == Succeeded',
      failureCondition: 'status.phase in (Failed, Error)',
    },
  }),
);

const resourceWithArgument = template(
  'resource-with-argument',
  { inputs: { parameters: { workflowtemplate: {}, message: {} } } },
  ({ inputs }) => ({
    resource: {
      action: 'create',
      manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: workflow-of-workflows-2-
spec:
  arguments:
    parameters:
    - name: message
      value: ${inputs.parameters.message}
  workflowTemplateRef:
    name: ${inputs.parameters.workflowtemplate}
`,
      successCondition: 'status.phase == Succeeded',
      failureCondition: 'status.phase in (Failed, Error)',
    },
  }),
);

export default workflow({
  metadata: {
    generateName: 'workflow-of-workflows-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: main },
});
