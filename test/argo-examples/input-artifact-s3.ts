import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the loading of a hard-wired input artifact from an S3 compliant
 * store. This can be AWS S3, Google Cloud Storage (GCS) with interoperability enabled,
 * or a self-hosted minio service. S3 guards access to buckets using an access key and
 * secret key, which will be stored as regular Kubernetes secrets, and referenced in the
 * workflow using secret selectors. To create the secret required for this example, first
 * run the following command:
 * $ kubectl create secret generic my-s3-credentials --from-literal=accessKey=<YOUR-ACCESS-KEY> --from-literal=secretKey=<YOUR-SECRET-KEY>
 */
const inputArtifactS3Example = template('input-artifact-s3-example', {
  inputs: {
    artifacts: {
      'my-art': {
        path: '/my-artifact',
        s3: {
          endpoint: 's3.amazonaws.com',
          bucket: 'my-bucket-name',
          key: 'path/in/bucket',
          region: 'us-west-2',
          accessKeySecret: { name: 'my-s3-credentials', key: 'accessKey' },
          secretKeySecret: { name: 'my-s3-credentials', key: 'secretKey' },
        },
      },
    },
  },
  container: { image: 'debian:latest', command: ['sh', '-c'], args: ['ls -l /my-artifact'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'input-artifact-s3-' },
  spec: { entrypoint: inputArtifactS3Example },
});
