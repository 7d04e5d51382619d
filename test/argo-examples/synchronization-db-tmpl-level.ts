import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/synchronization-db-tmpl-level.yaml. A database-backed semaphore at template level (v4 semaphores list). */
const synchronizationDbTmplLevelExample = template('synchronization-db-tmpl-level-example', {
  steps: steps((s) => {
    s.step('synchronization-acquire-lock', acquireLock, {
      undeclaredArguments: { parameters: { seconds: item } },
      withParam: '["1","2","3","4","5"]',
    });
  }),
});

const acquireLock = template('acquire-lock', {
  synchronization: { semaphores: [{ database: { key: 'template' } }] },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 10; echo acquired lock'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'synchronization-db-tmpl-level-',
  },
  spec: { entrypoint: synchronizationDbTmplLevelExample },
});
