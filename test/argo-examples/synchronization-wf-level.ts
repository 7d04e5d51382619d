import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/synchronization-wf-level.yaml. A ConfigMap semaphore at workflow level (v4 semaphores list). */
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
