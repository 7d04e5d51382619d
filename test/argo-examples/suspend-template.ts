import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the use of a suspend template. Suspend templates allow a workflow to
 * enter a suspended state at a predetermined point in time in the workflow. Some use cases for this
 * might include: human approval during release process, performing asynchronous/long soak tests,
 * manual judgment of a staging environment before deploying to production. To run this example,
 * submit the workflow and wait until the workflow reaches the second, "approve" step, at which point
 * the workflow will be suspended. To resume the workflow, run:
 * argo resume <workflowname>
 * A suspended template can also be specified with `duration` which will automatically resume the
 * suspended template after the specified amount of time in seconds. In this example it is used to delay
 * a release after an approval.
 */
const suspend = template('suspend', {
  steps: steps((s) => {
    s.step('build', helloWorld);
    s.step('approve', approve);
    s.step('delay', delay);
    s.step('release', helloWorld);
  }),
});

const approve = template('approve', { suspend: {} });

const delay = template('delay', { suspend: { duration: '20' } });

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'suspend-template-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: suspend },
});
