import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * Like parameters, artifacts can be "passed" to a template as well.
 * In this example, the 'kubectl-input-artifact' template requires
 * that an an artifact named 'kubectl' is supplied as an input,
 * which it will place in /usr/local/bin/kubectl. This keeps the
 * template more composable/flexible, than if the location was
 * hard-wired inside the template.
 */
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
