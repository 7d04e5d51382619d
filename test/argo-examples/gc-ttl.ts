import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example shows the ability to automatically delete workflows after a specified time period
 * after the workflow completes. The TTLStrategy sets the strategy for how long workflows that are
 * successful, not successful, or completed should live.
 */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'gc-ttl-' },
  spec: {
    ttlStrategy: { secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 5 },
    entrypoint: helloWorld,
  },
});
