import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/input-artifact-azure.yaml. A fixed input artifact read from Azure Blob storage. */
const inputArtifactS3Example = template('input-artifact-s3-example', {
  inputs: {
    artifacts: {
      'my-art': {
        path: '/my-artifact',
        azure: {
          endpoint: 'https://myazurestorageaccountname.blob.core.windows.net',
          container: 'my-container',
          blob: 'path/in/container',
          accountKeySecret: { name: 'my-azure-credentials', key: 'accountKey' },
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
