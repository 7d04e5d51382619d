import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/resource-delete-with-flags.yaml. A resource template deleting objects with extra kubectl flags. */
const main = template('main', {
  steps: steps((s) => {
    s.step('submit-resource', createConfigmap);
    s.step('delete-resource', deleteResource, { arguments: { parameters: { selector: 'cleanup=true' } } });
  }),
});

const createConfigmap = template('create-configmap', {
  resource: {
    action: 'create',
    manifest: `apiVersion: v1
kind: ConfigMap
metadata:
  name: resource-delete-with-flags
  labels:
    cleanup: "true"
data:
  key: value
`,
  },
});

const deleteResource = template('delete-resource', { inputs: { parameters: { selector: {} } } }, ({ inputs }) => ({
  resource: { action: 'delete', flags: ['configmap', '--selector', inputs.parameters.selector] },
}));

export default workflow({
  metadata: {
    generateName: 'resource-delete-with-flags-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: main },
});
