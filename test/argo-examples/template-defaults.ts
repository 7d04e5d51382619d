import { steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.step('retry-backoff', retryBackoff);
    s.step('hello-world', helloWorld);
  }),
});

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

const retryBackoff = template('retry-backoff', {
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
});

export default workflow({
  metadata: {
    generateName: 'template-defaults-',
    labels: { 'workflows.argoproj.io/no-test': 'expected-failure' },
    annotations: {
      'workflows.argoproj.io/description': `Template defaults will provide the fixability to configure the defaults values for all templates in workflow.
Individual template can be overide default values.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
      'workflows.argoproj.io/no-test-reasons': `This tests requires interaction and we can't test it automatically.
`,
    },
  },
  spec: { entrypoint: main, templateDefaults: { timeout: '30s', retryStrategy: { limit: '2' } } },
});
