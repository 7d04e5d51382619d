import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This is an example of a workflow producing a GCP Storage output artifact which is saved to a hard-wired
 * location. This is useful for workflows which want to publish results to a well known or
 * pre-determined location.
 */
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
