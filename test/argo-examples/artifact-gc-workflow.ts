import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/artifact-gc-workflow.yaml. artifactGC at workflow level, overridden per output artifact. */
const main = template('main', {
  container: {
    image: 'argoproj/argosay:v2',
    command: ['sh', '-c'],
    args: [
      `echo "hello world" > /tmp/on-completion.txt
echo "hello world" > /tmp/on-deletion.txt
`,
    ],
  },
  outputs: {
    artifacts: {
      'on-completion': {
        path: '/tmp/on-completion.txt',
        s3: { key: 'on-completion.txt' },
        artifactGC: { strategy: 'OnWorkflowCompletion' },
      },
      'on-deletion': { path: '/tmp/on-deletion.txt', s3: { key: 'on-deletion.txt' } },
    },
  },
});

export default workflow({
  metadata: { generateName: 'artifact-gc-' },
  spec: { entrypoint: main, artifactGC: { strategy: 'OnWorkflowDeletion' } },
});
