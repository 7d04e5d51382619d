import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/input-artifact-gcs.yaml. A fixed input artifact read from Google Cloud Storage with a service account key. */
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
