import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/resource-claims.yaml. Dynamic resource claims on the workflow, referenced by containers. */
const showDevices = template('show-devices', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['echo using the allocated device'],
    resources: { claims: [{ name: 'accelerator' }] },
  },
});

export default workflow({
  metadata: { generateName: 'resource-claims-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: {
    entrypoint: showDevices,
    resourceClaims: [{ name: 'accelerator', resourceClaimTemplateName: 'example-device-claim-template' }],
  },
});
