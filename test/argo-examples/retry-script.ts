import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-script.yaml. retryStrategy on a script template. */
const retryScript = template('retry-script', {
  retryStrategy: { limit: '10' },
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import random;
import sys; 
exit_code = random.choice([0, 1, 1]); 
sys.exit(exit_code)
`,
  },
});

export default workflow({
  metadata: { generateName: 'retry-script-' },
  spec: { entrypoint: retryScript },
});
