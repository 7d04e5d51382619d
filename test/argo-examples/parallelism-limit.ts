import { steps, template, workflow } from '../../dsl/argo/index.ts';

const parallelismLimit = template('parallelism-limit', {
  steps: steps((s) => {
    s.step('sleep', sleep, {
      withItems: ['this', 'workflow', 'should', 'take', 'at', 'least', 60, 'seconds', 'to', 'complete'],
    });
  }),
});

const sleep = template('sleep', { container: { image: 'busybox', command: ['sh', '-c', 'sleep 10'] } });

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'duration' }, generateName: 'parallelism-limit-' },
  spec: { entrypoint: parallelismLimit, parallelism: 2 },
});
