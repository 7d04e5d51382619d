import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the use of a Synchronization lock on workflow execution. Synchronization lock limits
 * the number of concurrent workflow execution in the namespace which has same Synchronization lock. Synchronization
 * limit value can be configured in configmap.
 * Eg.:
 * apiVersion: v1
 * kind: ConfigMap
 * metadata:
 *   name: my-config
 * data:
 *   workflow: "3"
 */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'synchronization-wf-level-',
  },
  spec: {
    entrypoint: helloWorld,
    synchronization: { semaphores: [{ configMapKeyRef: { name: 'my-config', key: 'workflow' } }] },
  },
});
