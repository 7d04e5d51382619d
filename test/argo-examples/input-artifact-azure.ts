import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the loading of a hard-wired input artifact from an Azure
 * Storage store. Azure guards access to the storage account with an access key which
 * can be stored as a regular Kubernetes secret, and referenced in the workflow using
 * secret selectors. If managed identities have been applied to the pods, then the
 * parameter UseSDKCreds can be set to true, and managed identity authentication will
 * be used instead of the secret. If a secret is used, the required secret can be created
 * with the following command:
 * $ kubectl create secret generic my-azure-credentials --from-literal=accountKey=<YOUR-ACCESS-KEY>
 */
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
