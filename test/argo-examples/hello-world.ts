import { template, workflow } from '../../dsl/argo/index.ts';

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: {
    generateName: 'hello-world-',
    labels: { 'workflows.argoproj.io/archive-strategy': 'false' },
    annotations: { 'workflows.argoproj.io/description': 'This is a simple hello world example.\n' },
  },
  spec: { entrypoint: helloWorld },
});
