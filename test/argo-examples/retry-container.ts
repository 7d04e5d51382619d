import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-container.yaml. retryStrategy with a limit on a container template. */
const retryContainer = template('retry-container', {
  retryStrategy: { limit: '10' },
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
});

export default workflow({
  metadata: { generateName: 'retry-container-' },
  spec: { entrypoint: retryContainer },
});
