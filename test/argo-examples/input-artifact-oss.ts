import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the loading of a hard-wired input artifact from an OSS compliant
 * store. OSS guards access to buckets using an access key and
 * secret key, which will be stored as regular Kubernetes secrets, and referenced in the
 * workflow using secret selectors. To create the secret required for this example, first
 * run the following command:
 * $ kubectl create secret generic my-oss-credentials --from-literal=accessKey=<YOUR-OSS-ACCESS-ID> --from-literal=secretKey=<YOUR-OSS-SECRET-KEY>
 */
const inputArtifactOssExample = template('input-artifact-oss-example', {
  inputs: {
    artifacts: {
      'my-art': {
        path: '/my-artifact',
        oss: {
          endpoint: 'http://oss-cn-hangzhou-zmf.aliyuncs.com',
          bucket: 'test-bucket-name',
          key: 'test/mydirectory/',
          accessKeySecret: { name: 'my-oss-credentials', key: 'accessKey' },
          secretKeySecret: { name: 'my-oss-credentials', key: 'secretKey' },
        },
      },
    },
  },
  container: { image: 'debian:latest', command: ['sh', '-c'], args: ['ls -l /my-artifact'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'input-artifact-oss-' },
  spec: { entrypoint: inputArtifactOssExample },
});
