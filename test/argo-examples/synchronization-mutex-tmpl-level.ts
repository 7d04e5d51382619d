import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/synchronization-mutex-tmpl-level.yaml. A mutex at template level (v4 mutexes list). */
const synchronizationTmplLevelMutexExample = template('synchronization-tmpl-level-mutex-example', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('synchronization-acquire-lock', acquireLock, {
        undeclaredArguments: { parameters: { seconds: item } },
        withParam: '["1","2","3","4","5"]',
      });
      g.step('synchronization-acquire-lock1', acquireLock1, {
        undeclaredArguments: { parameters: { seconds: item } },
        withParam: '["1","2","3","4","5"]',
      });
    });
  }),
});

const acquireLock = template('acquire-lock', {
  synchronization: { mutexes: [{ name: 'welcome' }] },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 20; echo acquired lock'] },
});

const acquireLock1 = template('acquire-lock-1', {
  synchronization: { mutexes: [{ name: 'test' }] },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 50; echo acquired lock'] },
});

export default workflow({
  metadata: {
    generateName: 'synchronization-tmpl-level-mutex-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: synchronizationTmplLevelMutexExample },
});
