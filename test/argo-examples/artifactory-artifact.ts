import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/artifactory-artifact.yaml. Artifactory as input and output artifact location, with credentials from secrets. */
const artifactExample = template('artifact-example', {
  steps: steps((s) => {
    const generateArtifact = s.step('generate-artifact', helloWorldToFile);
    s.step('consume-artifact', printMessageFromFile, {
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
        artifactory: {
          url: 'http://artifactory:8081/artifactory/generic-local/hello_world.tgz',
          usernameSecret: { name: 'my-artifactory-credentials', key: 'username' },
          passwordSecret: { name: 'my-artifactory-credentials', key: 'password' },
        },
      },
    },
  },
});

const printMessageFromFile = template('print-message-from-file', {
  inputs: {
    artifacts: {
      message: {
        path: '/tmp/message',
        artifactory: {
          url: 'http://artifactory:8081/artifactory/generic-local/hello_world.tgz',
          usernameSecret: { name: 'my-artifactory-credentials', key: 'username' },
          passwordSecret: { name: 'my-artifactory-credentials', key: 'password' },
        },
      },
    },
  },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/message'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'artifactory-artifact-',
  },
  spec: { entrypoint: artifactExample },
});
