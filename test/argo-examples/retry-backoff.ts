import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-backoff.yaml. retryStrategy with a backoff duration, factor and cap. */
const retryBackoff = template('retry-backoff', {
  retryStrategy: { limit: '10', backoff: { duration: '1', factor: '2', maxDuration: '1m', cap: '5' } },
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
});

export default workflow({
  metadata: { generateName: 'retry-backoff-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: { entrypoint: retryBackoff },
});
