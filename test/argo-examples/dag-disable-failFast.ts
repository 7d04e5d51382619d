import { dag, template, workflow } from '../../dsl/argo/index.ts';

const a = template('a', { container: { image: 'busybox', command: ['echo'], args: ['hello world'] } });

const b = template('b', {
  retryStrategy: { limit: '2' },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['sleep 30; echo haha'] },
});

const c = template('c', {
  retryStrategy: { limit: '3' },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo intentional failure; exit 2'] },
});

const dTpl = template('d', { container: { image: 'busybox', command: ['echo'], args: ['hello world'] } });

const statis = template('statis', {
  dag: dag(
    (d) => {
      const A = d.task('A', a);
      const B = d.task('B', b, { depends: A });
      d.task('C', c, { depends: A });
      const D = d.task('D', dTpl, { depends: B });
      d.task('E', dTpl, { depends: D });
    },
    { failFast: false },
  ),
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'expected-failure' },
    generateName: 'dag-primay-branch-',
  },
  spec: { entrypoint: statis },
});
