import { and, dag, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/resubmit.yaml. A DAG and steps of randomly failing containers, for trying `argo resubmit` on. */
const randFailDag = template('rand-fail-dag', {
  dag: dag((d) => {
    const A = d.task('A', randomFail);
    const B = d.task('B', randFailSteps);
    d.task('C', randomFail, { depends: B });
    d.task('D', randomFail, { depends: and(A, B) });
  }),
});

const randFailSteps = template('rand-fail-steps', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('randfail1a', randomFail);
      g.step('randfail1b', randomFail);
    });
    s.parallel((g) => {
      g.step('randfail2a', randomFail);
      g.step('randfail2b', randomFail);
      g.step('randfail2c', randomFail);
      g.step('randfail2d', randomFail);
    });
  }),
});

const randomFail = template('random-fail', {
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: [
      "import random; import sys; exit_code = random.choice([0, 0, 1]); print('exiting with code {}'.format(exit_code)); sys.exit(exit_code)",
    ],
  },
});

export default workflow({
  metadata: { generateName: 'resubmit-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: randFailDag },
});
