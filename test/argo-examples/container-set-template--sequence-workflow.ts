import { template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  containerSet: {
    containers: [
      { name: 'a', image: 'argoproj/argosay:v2' },
      { name: 'b', image: 'argoproj/argosay:v2', dependencies: ['a'] },
      { name: 'c', image: 'argoproj/argosay:v2', dependencies: ['b'] },
    ],
  },
});

export default workflow({
  metadata: {
    generateName: 'sequence-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates running a sequence of containers within a single pod.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
