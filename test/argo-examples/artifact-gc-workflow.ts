import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example shows how you can configure Artifact Garbage Collection for your Workflow.
 * Here there are two artifacts - one is automatically deleted when the Workflow completes, and the other
 * is deleted when the Workflow gets deleted.
 * In this case, "OnWorkflowDeletion" is defined for all artifacts by default, but the "on-completion" artifact
 * overrides that default strategy.
 */
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
