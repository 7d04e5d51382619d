import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/artifact-passing-subpath.yaml. Passing a directory artifact between steps and reading one file of it with subPath. */
const artifactExample = template('artifact-example', {
  steps: steps((s) => {
    const generateArtifact = s.step('generate-artifact', helloWorldToFile);
    s.step('list-artifact', printMessageDir, {
      arguments: { artifacts: { message: generateArtifact.outputs.artifacts['hello-art'] } },
    });
    s.step('consume-artifact', printMessageFromFile, {
      arguments: {
        artifacts: { message: { from: generateArtifact.outputs.artifacts['hello-art'], subPath: 'hello_world.txt' } },
      },
    });
  }),
});

const helloWorldToFile = template('hello-world-to-file', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['sleep 1; echo hello world | tee /tmp/hello_world.txt'],
  },
  outputs: { artifacts: { 'hello-art': { path: '/tmp/', archive: { none: {} } } } },
});

const printMessageDir = template('print-message-dir', {
  inputs: { artifacts: { message: { path: '/tmp/message' } } },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['ls /tmp/message'] },
});

const printMessageFromFile = template('print-message-from-file', {
  inputs: { artifacts: { message: { path: '/tmp/message' } } },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/message'] },
});

export default workflow({
  metadata: { generateName: 'artifact-passing-subpath-' },
  spec: { entrypoint: artifactExample },
});
