import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/memoize-simple.yaml. memoize on a template with a fixed key, a maxAge and a ConfigMap cache. */
const worldToFile = template('world-to-file', {
  memoize: { key: 'cache-key', maxAge: '10s', cache: { configMap: { name: 'cache-config' } } },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo world > /tmp/hello_world.txt'] },
  outputs: { parameters: { hello: { valueFrom: { path: '/tmp/hello_world.txt' } } } },
});

export default workflow({
  metadata: { generateName: 'memoized-' },
  spec: { entrypoint: worldToFile },
});
