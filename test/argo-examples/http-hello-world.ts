import { steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('good', http, {
        arguments: {
          parameters: {
            url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json',
          },
        },
      });
      g.step('bad', http, {
        continueOn: { failed: true },
        arguments: {
          parameters: {
            url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/thisisnotahash/pkg/apis/workflow/v1alpha1/generated.swagger.json',
          },
        },
      });
    });
  }),
});

const http = template('http', { inputs: { parameters: { url: {} } } }, ({ inputs }) => ({
  http: { url: inputs.parameters.url },
}));

export default workflow({
  metadata: {
    generateName: 'http-template-',
    annotations: {
      'workflows.argoproj.io/description': `Http template will demostrate http template functionality
`,
      'workflows.argoproj.io/version': '>= 3.2.0',
    },
  },
  spec: { entrypoint: main },
});
