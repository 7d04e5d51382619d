import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/output-artifact-gcs.yaml. An output artifact written to Google Cloud Storage. */
const helloWorldToFile = template('hello-world-to-file', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'] },
  outputs: {
    artifacts: {
      message: {
        path: '/tmp',
        gcs: {
          bucket: 'my-bucket',
          key: 'path/in/bucket/hello_world.txt.tgz',
          serviceAccountKeySecret: { name: 'my-gcs-credentials', key: 'serviceAccountKey' },
        },
      },
    },
  },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'output-artifact-gcs-',
  },
  spec: { entrypoint: helloWorldToFile },
});
