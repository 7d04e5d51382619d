import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/timeouts-workflow.yaml. activeDeadlineSeconds on the whole workflow. */
const bunchOfSleeps = template('bunch-of-sleeps', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('sleep-one-day', sleep, { withItems: [1, 2, 3] });
      g.step('unschedulable', unschedulable, { withItems: [1, 2, 3] });
    });
  }),
});

const sleep = template('sleep', { container: { image: 'busybox', command: ['sleep', '1d'] } });

const unschedulable = template('unschedulable', {
  nodeSelector: { 'beta.kubernetes.io/arch': 'no-such-arch' },
  container: { image: 'alpine:3.23' },
});

export default workflow({
  metadata: { generateName: 'timeouts-workflow-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { activeDeadlineSeconds: 30, entrypoint: bunchOfSleeps },
});
