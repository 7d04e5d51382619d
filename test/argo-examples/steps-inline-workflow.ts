import { inline, steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.step('a', inline({ container: { image: 'argoproj/argosay:v2' } }));
  }),
});

export default workflow({
  metadata: {
    generateName: 'steps-inline-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates running a steps with inline templates.
`,
      'workflows.argoproj.io/version': '>= 3.2.0',
    },
  },
  spec: { entrypoint: main },
});
