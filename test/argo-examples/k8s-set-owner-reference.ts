import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/k8s-set-owner-reference.yaml. A resource template that sets the workflow as owner of the object it creates. */
const k8sSetOwnerReference = template('k8s-set-owner-reference', {
  resource: {
    action: 'create',
    setOwnerReference: true,
    manifest: `apiVersion: v1
kind: ConfigMap
metadata:
  generateName: owned-eg-
data:
  some: value
`,
  },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/no-test-reasons': `main: Error (exit code 64): no more retries Error from server (Forbidden):
error when creating "/tmp/manifest.yaml": configmaps is forbidden: User
"system:serviceaccount:argo:default" cannot create resource "configmaps"
in API group "" in the namespace "argo"
`,
    },
    generateName: 'k8s-set-owner-reference-',
  },
  spec: { entrypoint: k8sSetOwnerReference },
});
