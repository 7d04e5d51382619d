import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/forever.yaml. A container that counts for 1000 seconds. */
const main = template('main', {
  container: { image: 'busybox', command: ['sh', '-c', 'for I in $(seq 1 1000) ; do echo $I ; sleep 1s; done'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'duration' }, name: 'forever' },
  spec: { entrypoint: main },
});
