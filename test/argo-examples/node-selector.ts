import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates a workflow with a step using node selectors.
 * In this case, it requires that the 'print-arch' template, run on a
 * node with architecture 'amd64'. This can be overridden via argo CLI,
 * e.g. argo submit node-selector.yaml -p arch=somethingelse
 * Node selectors can also be set at the workflow level, meaning all pods
 * of the workflow will be scheduled using the selector.
 */
const printArch = template('print-arch', { inputs: { parameters: { arch: {} } } }, ({ inputs }) => ({
  nodeSelector: { 'beta.kubernetes.io/arch': inputs.parameters.arch },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['uname -a'] },
}));

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'node-selector-' },
  spec: { entrypoint: printArch, arguments: { parameters: { arch: 'amd64' } } },
});
