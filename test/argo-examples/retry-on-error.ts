import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-on-error.yaml. retryStrategy with a limit and the Always retry policy. */
const errorContainer = template('error-container', {
  retryStrategy: { limit: '2', retryPolicy: 'Always' },
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice(range(0, 5)); sys.exit(exit_code)'],
  },
});

export default workflow({
  metadata: { generateName: 'retry-on-error-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: errorContainer },
});
