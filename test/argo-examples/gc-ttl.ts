import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/gc-ttl.yaml. ttlStrategy: delete the workflow some seconds after it completes. */
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
