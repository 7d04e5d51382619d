import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/resource-claims-template-override.yaml. Workflow-level resourceClaims overridden by one template. */
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
