import { template, workflow } from '../../dsl/argo/index.ts';

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'archive-location-' },
  spec: { archiveLogs: true, entrypoint: helloWorld },
});
