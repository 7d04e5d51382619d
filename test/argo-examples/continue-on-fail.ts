import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/continue-on-fail.yaml. continueOn: failed on a step so the steps after it still run. */
const workflowIgnore = template('workflow-ignore', {
  steps: steps((s) => {
    s.step('A', helloWorld);
    s.parallel((g) => {
      g.step('B', helloWorld);
      g.step('C', intentionalFail, { continueOn: { failed: true } });
    });
    s.step('D', helloWorld);
  }),
});

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

const intentionalFail = template('intentional-fail', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] },
});

export default workflow({
  metadata: {
    generateName: 'continue-on-fail-',
    labels: { 'workflows.argoproj.io/no-test': 'expected-failure' },
  },
  spec: { entrypoint: workflowIgnore, parallelism: 1 },
});
