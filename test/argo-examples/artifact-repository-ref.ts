import { template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'] },
  outputs: { artifacts: { hello_world: { path: '/tmp/hello_world.txt' } } },
});

export default workflow({
  metadata: { generateName: 'artifact-repository-ref-' },
  spec: { entrypoint: main, artifactRepositoryRef: { key: 'my-key' } },
});
