import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example shows a Workflow which creates and deletes a resource
 * using flags. This might be useful in circumstances when there is a
 * need to delete a resource using label selectors w/o providing a manifest.
 */
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
