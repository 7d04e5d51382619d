import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates requesting a device through Kubernetes Dynamic
 * Resource Allocation, which lets a pod ask a driver for a device rather than
 * counting an extended resource.
 * Requires the DynamicResourceAllocation feature gate, a DRA driver installed on
 * the cluster, and the ResourceClaimTemplate named below to already exist in the
 * workflow's namespace. Argo passes the claims through to the pod; Kubernetes
 * allocates the devices and manages the ResourceClaim lifecycle.
 */
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
