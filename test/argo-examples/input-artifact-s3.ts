import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/input-artifact-s3.yaml. A fixed input artifact read from an S3-compatible store with keys from secrets. */
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
