import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/node-selector.yaml. nodeSelector built from a workflow argument. */
const printArch = template('print-arch', { inputs: { parameters: { arch: {} } } }, ({ inputs }) => ({
  nodeSelector: { 'beta.kubernetes.io/arch': inputs.parameters.arch },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['uname -a'] },
}));

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'node-selector-' },
  spec: { entrypoint: printArch, arguments: { parameters: { arch: 'amd64' } } },
});
