import { template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  containerSet: {
    containers: [
      { name: 'a', image: 'argoproj/argosay:v2' },
      { name: 'b', image: 'argoproj/argosay:v2' },
    ],
  },
});

export default workflow({
  metadata: {
    generateName: 'parallel-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates running parallel containers within a single pod.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
