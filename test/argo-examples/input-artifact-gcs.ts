import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the loading of a hard-wired input artifact from a GCP storage.
 * It uses a GCP Service Account Key stored as a regular Kubernetes secret, to access GCP storage.
 * To create the secret required for this example, first run the following command:
 * $ kubectl create secret generic my-gcs-credentials --from-file=serviceAccountKey=<YOUR-SERVICE-ACCOUNT-KEY-file>
 */
const inputArtifactGcsExample = template('input-artifact-gcs-example', {
  inputs: {
    artifacts: {
      'my-art': {
        path: '/my-artifact',
        gcs: {
          bucket: 'my-bucket-name',
          key: 'path/in/bucket',
          serviceAccountKeySecret: { name: 'my-gcs-credentials', key: 'serviceAccountKey' },
        },
      },
    },
  },
  container: { image: 'debian:latest', command: ['sh', '-c'], args: ['ls -l /my-artifact'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'input-artifact-gcs-' },
  spec: { entrypoint: inputArtifactGcsExample },
});
