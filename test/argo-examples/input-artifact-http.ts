import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/input-artifact-http.yaml. A fixed input artifact downloaded over HTTP. */
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
