import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/output-artifact-s3.yaml. An output artifact written to an S3-compatible store. */
const helloWorldToFile = template('hello-world-to-file', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'] },
  outputs: {
    artifacts: {
      message: {
        path: '/tmp',
        s3: {
          endpoint: 's3.amazonaws.com',
          bucket: 'my-bucket',
          region: 'us-west-2',
          key: 'path/in/bucket/hello_world.txt.tgz',
          accessKeySecret: { name: 'my-s3-credentials', key: 'accessKey' },
          secretKeySecret: { name: 'my-s3-credentials', key: 'secretKey' },
        },
      },
    },
  },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'output-artifact-s3-' },
  spec: { entrypoint: helloWorldToFile },
});
