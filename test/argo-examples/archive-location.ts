import { template, workflow } from '../../dsl/argo/index.ts';

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
  archiveLocation: { archiveLogs: true },
});

export default workflow({
  metadata: { generateName: 'archive-location-' },
  spec: { entrypoint: helloWorld },
});
