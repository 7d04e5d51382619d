import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/artifact-disable-archive.yaml. Output artifacts with archive none, and one tar archive at compression level 0. */
const artifactDisableArchive = template('artifact-disable-archive', {
  steps: steps((s) => {
    const generateArtifact = s.step('generate-artifact', helloWorldToFile);
    s.step('consume-artifact', printMessageFromFiles, {
      arguments: {
        artifacts: {
          etc: generateArtifact.outputs.artifacts.etc,
          'hello-txt': generateArtifact.outputs.artifacts['hello-txt'],
          'hello-txt-nc': generateArtifact.outputs.artifacts['hello-txt-nc'],
        },
      },
    });
  }),
});

const helloWorldToFile = template('hello-world-to-file', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['echo hello world | tee /tmp/hello_world.txt | tee /tmp/hello_world_nc.txt ; sleep 1'],
  },
  outputs: {
    artifacts: {
      etc: { path: '/etc', archive: { none: {} } },
      'hello-txt': { path: '/tmp/hello_world.txt', archive: { none: {} } },
      'hello-txt-nc': { path: '/tmp/hello_world_nc.txt', archive: { tar: { compressionLevel: 0 } } },
    },
  },
});

const printMessageFromFiles = template('print-message-from-files', {
  inputs: {
    artifacts: {
      etc: { path: '/tmp/etc' },
      'hello-txt': { path: '/tmp/hello.txt' },
      'hello-txt-nc': { path: '/tmp/hello_nc.txt' },
    },
  },
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['cat /tmp/hello.txt && cat /tmp/hello_nc.txt && cd /tmp/etc && find .'],
  },
});

export default workflow({
  metadata: { generateName: 'artifact-disable-archive-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: { entrypoint: artifactDisableArchive },
});
