import { steps, template, vars, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-with-steps.yaml. A retried container template run from parallel and sequential steps. */
const retryWithSteps = template('retry-with-steps', {
  steps: steps((s) => {
    s.step('hello1', randomFail);
    s.parallel((g) => {
      g.step('hello2a', randomFail);
      g.step('hello2b', randomFail);
    });
  }),
});

const randomFail = template('random-fail', {
  retryStrategy: { limit: '10' },
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: [
      `import random; import sys; print('retries: ${vars.retries}'); exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)`,
    ],
  },
});

export default workflow({
  metadata: { generateName: 'retry-with-steps-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: { entrypoint: retryWithSteps },
});
