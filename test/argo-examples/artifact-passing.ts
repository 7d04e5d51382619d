import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/artifact-passing.yaml. An output artifact of one step wired into the next step with a typed artifact reference. */
const artifactExample = template('artifact-example', {
  steps: steps((s) => {
    const generateArtifact = s.step('generate-artifact', helloWorldToFile);
    s.step('consume-artifact', printMessageFromFile, {
      arguments: { artifacts: { message: generateArtifact.outputs.artifacts['hello-art'] } },
    });
  }),
});

const helloWorldToFile = template('hello-world-to-file', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['sleep 1; echo hello world | tee /tmp/hello_world.txt'],
  },
  outputs: { artifacts: { 'hello-art': { path: '/tmp/hello_world.txt' } } },
});

const printMessageFromFile = template('print-message-from-file', {
  inputs: { artifacts: { message: { path: '/tmp/message' } } },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/message'] },
});

export default workflow({
  metadata: { generateName: 'artifact-passing-' },
  spec: { entrypoint: artifactExample },
});
