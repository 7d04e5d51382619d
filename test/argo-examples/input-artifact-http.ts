import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * Example of using a hard-wired artifact location from a HTTP URL.
 */
const httpArtifactExample = template('http-artifact-example', {
  inputs: {
    artifacts: {
      kubectl: {
        path: '/bin/kubectl',
        mode: 0o755,
        http: { url: 'https://storage.googleapis.com/kubernetes-release/release/v1.8.0/bin/linux/amd64/kubectl' },
      },
    },
  },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['kubectl version'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'input-artifact-http-',
  },
  spec: { entrypoint: httpArtifactExample },
});
