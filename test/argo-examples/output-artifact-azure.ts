import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This is an example of a workflow producing an Azure Storage output artifact which is saved
 * to a hard-wired location. This is useful for workflows which want to publish results to a well
 * known or pre-determined location.
 */
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
