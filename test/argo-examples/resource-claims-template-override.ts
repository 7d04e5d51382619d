import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates template-level resource claims overriding the
 * workflow-level default, so one step can ask for a different device from the
 * rest of the workflow.
 * The template-level list replaces the workflow-level list outright rather than
 * merging with it, so a template that needs both has to name both.
 * Requires the DynamicResourceAllocation feature gate, a DRA driver installed on
 * the cluster, and the ResourceClaimTemplates named below to already exist in the
 * workflow's namespace.
 */
const main = template('main', {
  steps: steps((s) => {
    s.step('default-device', defaultDevice);
    s.step('other-device', otherDevice);
  }),
});

const defaultDevice = template('default-device', {
  container: {
    image: 'busybox',
    command: ['echo'],
    args: ['using the workflow default device'],
    resources: { claims: [{ name: 'accelerator' }] },
  },
});

const otherDevice = template('other-device', {
  resourceClaims: [{ name: 'accelerator', resourceClaimTemplateName: 'example-large-device-claim-template' }],
  container: {
    image: 'busybox',
    command: ['echo'],
    args: ['using a different device'],
    resources: { claims: [{ name: 'accelerator' }] },
  },
});

export default workflow({
  metadata: {
    generateName: 'resource-claims-template-override-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: {
    entrypoint: main,
    resourceClaims: [{ name: 'accelerator', resourceClaimTemplateName: 'example-device-claim-template' }],
  },
});
