import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/output-artifact-azure.yaml. An output artifact written to Azure Blob storage. */
const helloWorldToFile = template('hello-world-to-file', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'] },
  outputs: {
    artifacts: {
      message: {
        path: '/tmp',
        azure: {
          endpoint: 'https://myazurestorageaccountname.blob.core.windows.net',
          container: 'my-container',
          blob: 'path/in/container/hello_world.txt.tgz',
          accountKeySecret: { name: 'my-azure-credentials', key: 'accountKey' },
        },
      },
    },
  },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'output-artifact-s3-' },
  spec: { entrypoint: helloWorldToFile },
});
