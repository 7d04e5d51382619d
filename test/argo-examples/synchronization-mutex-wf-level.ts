import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/synchronization-mutex-wf-level.yaml. A mutex at workflow level (v4 mutexes list). */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'synchronization-wf-level-' },
  spec: { entrypoint: helloWorld, synchronization: { mutexes: [{ name: 'test' }] } },
});
