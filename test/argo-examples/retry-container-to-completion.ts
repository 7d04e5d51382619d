import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-container-to-completion.yaml. retryStrategy retrying until the container succeeds. */
const retryToCompletion = template('retry-to-completion', {
  retryStrategy: {},
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice(range(0, 5)); sys.exit(exit_code)'],
  },
});

export default workflow({
  metadata: { generateName: 'retry-to-completion-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: { entrypoint: retryToCompletion },
});
