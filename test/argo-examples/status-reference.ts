import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/status-reference.yaml. Reading a step status from its handle in a later `when`. */
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
