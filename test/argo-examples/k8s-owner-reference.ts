import { template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  resource: {
    action: 'create',
    setOwnerReference: true,
    manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: owned-eg-
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: argoproj/argosay:v2
`,
  },
});

export default workflow({
  metadata: {
    generateName: 'k8s-owner-reference-',
    annotations: {
      'workflows.argoproj.io/description': `This example creates a Kubernetes resource that will be deleted
when the workflow is deleted via Kubernetes GC.

A workflow is used for this example, but the same approach would apply
to other resource types.

https://kubernetes.io/docs/concepts/workloads/controllers/garbage-collection/
`,
    },
  },
  spec: { entrypoint: main },
});
