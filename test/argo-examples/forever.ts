import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * run forever
 */
const main = template('main', {
  container: { image: 'busybox', command: ['sh', '-c', 'for I in $(seq 1 1000) ; do echo $I ; sleep 1s; done'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'duration' }, name: 'forever' },
  spec: { entrypoint: main },
});
