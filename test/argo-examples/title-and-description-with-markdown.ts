import { template, workflow } from '../../dsl/argo/index.ts';

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: {
    generateName: 'title-and-description-with-markdown-',
    labels: { 'workflows.argoproj.io/archive-strategy': 'false' },
    annotations: {
      'workflows.argoproj.io/title': '**Test Title**',
      'workflows.argoproj.io/description': `\`This is a simple hello world example.\`
This is an embedded link to the docs: https://argo-workflows.readthedocs.io/en/latest/title-and-description/
`,
    },
  },
  spec: { entrypoint: helloWorld },
});
