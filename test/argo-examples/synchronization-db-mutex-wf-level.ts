import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/synchronization-db-mutex-wf-level.yaml. A database-backed mutex at workflow level (v4 mutexes list). */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: {
    generateName: 'synchronization-db-wf-level-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: helloWorld, synchronization: { mutexes: [{ name: 'test', database: true }] } },
});
