import { template, workflow } from '../../dsl/argo/index.ts';

const initContainerExample = template('init-container-example', {
  container: {
    image: 'alpine:3.23',
    command: ['echo', 'bye'],
    volumeMounts: [{ name: 'foo', mountPath: '/foo' }],
  },
  initContainers: [{ name: 'hello', image: 'alpine:3.23', command: ['echo', 'hello'], mirrorVolumeMounts: true }],
});

export default workflow({
  metadata: { generateName: 'init-container-' },
  spec: { entrypoint: initContainerExample, volumes: [{ name: 'foo', emptyDir: {} }] },
});
