import { steps, template, workflow } from '../../dsl/argo/index.ts';

const parallelismTemplateLimit = template('parallelism-template-limit', {
  parallelism: 2,
  steps: steps((s) => {
    s.step('sleep', sleep, {
      withItems: ['this', 'workflow', 'should', 'take', 'at', 'least', 60, 'seconds', 'to', 'complete'],
    });
  }),
});

const sleep = template('sleep', { container: { image: 'alpine:3.23', command: ['sh', '-c', 'sleep 10'] } });

export default workflow({
  metadata: {
    generateName: 'parallelism-template-limit-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
  },
  spec: { entrypoint: parallelismTemplateLimit },
});
