import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/hdfs-artifact.yaml. HDFS as input and output artifact location. */
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
