import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/synchronization-tmpl-level.yaml. A ConfigMap semaphore at template level (v4 semaphores list). */
const synchronizationTmplLevelExample = template('synchronization-tmpl-level-example', {
  steps: steps((s) => {
    s.step('synchronization-acquire-lock', acquireLock, {
      undeclaredArguments: { parameters: { seconds: item } },
      withParam: '["1","2","3","4","5"]',
    });
  }),
});

const acquireLock = template('acquire-lock', {
  synchronization: { semaphores: [{ configMapKeyRef: { name: 'my-config', key: 'template' } }] },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 10; echo acquired lock'] },
});

export default workflow({
  metadata: {
    generateName: 'synchronization-tmpl-level-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: synchronizationTmplLevelExample },
});
