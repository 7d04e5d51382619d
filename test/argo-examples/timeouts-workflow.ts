import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * Workflow level timeouts can be specified with the field, spec.activeDeadlineSeconds.
 * This value represents the duration in seconds relative to the workflow start time which a workflow
 * is allowed to run before the controller terminates the workflow.
 * Note that currently, workflows are marked Running and updated with a start time as soon as they
 * are seen by the controller. What this means in practice, is that a workflow level timeout is
 * typically relative to the submission time. In the future, workflows may support the notion of a
 * priority queue so workflows can remain in a Pending state. When this is implemented, the
 * activeDeadlineSeconds will be relative to the admittance of the workflow into the system, (when
 * the workflow transitions from Pending to Running).
 */
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
