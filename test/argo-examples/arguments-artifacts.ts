import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/arguments-artifacts.yaml. Workflow-level artifact arguments: an HTTP download handed to the entrypoint as an input artifact with a file mode. */
const kubectlInputArtifact = template('kubectl-input-artifact', {
  inputs: { artifacts: { kubectl: { path: '/usr/local/bin/kubectl', mode: 0o755 } } },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['kubectl version'] },
});

export default workflow({
  metadata: {
    generateName: 'arguments-artifacts-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: {
    entrypoint: kubectlInputArtifact,
    arguments: {
      artifacts: {
        kubectl: {
          http: { url: 'https://storage.googleapis.com/kubernetes-release/release/v1.8.0/bin/linux/amd64/kubectl' },
        },
      },
    },
  },
});
