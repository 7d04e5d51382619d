import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the use of a database Synchronization lock on workflow execution. Synchronization lock limits the number of concurrent workflow execution in the namespace which has same Synchronization lock.
 * Synchronization limit value can be configured in the database.
 * INSERT INTO sync_limit (name, sizeLimit) VALUES ('<namespace>/workflow', 2);
 */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: {
    generateName: 'synchronization-db-wf-level-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: helloWorld, synchronization: { semaphores: [{ database: { key: 'workflow' } }] } },
});
