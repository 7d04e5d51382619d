import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * The status reference example combines the use of a status result,
 * along with conditionals, to take a dynamic path in the
 * workflow. In this example, depending on the status of 'flakey-container'
 * the template will either run the 'succeeded' step or the 'failed' step.
 */
const statusReference = template('status-reference', {
  steps: steps((s) => {
    const flakeyContainerStep = s.step('flakey-container', flakeyContainer, { continueOn: { failed: true } });
    s.parallel((g) => {
      g.step('failed', failed, { when: `${flakeyContainerStep.status} == Failed` });
      g.step('succeeded', succeeded, { when: `${flakeyContainerStep.status} == Succeeded` });
    });
  }),
});

const flakeyContainer = template('flakey-container', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 1'] },
});

const failed = template('failed', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "the flakey container failed"'] },
});

const succeeded = template('succeeded', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "the flakey container passed"'] },
});

export default workflow({
  metadata: { generateName: 'status-reference-' },
  spec: { entrypoint: statusReference },
});
