import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the use of hdfs as the store for artifacts. This example assumes the following:
 * 1. you have hdfs running in the same namespace as where this workflow will be run and you have created a repo with the name "generic-local"
 * 2. you have created a kubernetes secret for storing hdfs username/password. To create kubernetes secret required for this example,
 * run the following command:
 * $ kubectl create secret generic my-hdfs-credentials --from-literal=username=<YOUR-ARTIFACTORY-USERNAME> --from-literal=password=<YOUR-ARTIFACTORY-PASSWORD>
 */
const artifactExample = template('artifact-example', {
  steps: steps((s) => {
    const generateArtifact = s.step('generate-artifact', helloWorldToFile);
    s.step('consume-artifact', printMessageFromHdfs, {
      arguments: { artifacts: { message: generateArtifact.outputs.artifacts['hello-art'] } },
    });
  }),
});

const helloWorldToFile = template('hello-world-to-file', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'] },
  outputs: {
    artifacts: {
      'hello-art': {
        path: '/tmp/hello_world.txt',
        hdfs: {
          addresses: [
            'my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020',
            'my-hdfs-namenode-1.my-hdfs-namenode.default.svc.cluster.local:8020',
          ],
          path: '/tmp/argo/foo',
          hdfsUser: 'root',
          force: true,
        },
      },
    },
  },
});

const printMessageFromHdfs = template('print-message-from-hdfs', {
  inputs: {
    artifacts: {
      message: {
        path: '/tmp/message',
        hdfs: {
          addresses: [
            'my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020',
            'my-hdfs-namenode-1.my-hdfs-namenode.default.svc.cluster.local:8020',
          ],
          path: '/tmp/argo/foo',
          hdfsUser: 'root',
          force: true,
        },
      },
    },
  },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /tmp/message'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'hdfs-artifact-' },
  spec: { entrypoint: artifactExample },
});
