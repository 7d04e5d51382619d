import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the use of a Synchronization Mutex lock on workflow execution. Mutex lock limits
 * only one of the workflow execution in the namespace which has same Mutex lock.
 */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'synchronization-wf-level-' },
  spec: { entrypoint: helloWorld, synchronization: { mutexes: [{ name: 'test' }] } },
});
