import { steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.step('step-1', echo, {
      hooks: {
        running: { expression: 'steps["step-1"].status == "Running"', template: http },
        success: { expression: 'steps["step-1"].status == "Succeeded"', template: http },
      },
    });
    s.step('step2', echo, {
      hooks: {
        running: { expression: 'steps.step2.status == "Running"', template: http },
        success: { expression: 'steps.step2.status == "Succeeded"', template: http },
      },
    });
  }),
});

const echo = template('echo', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "it was heads"'] },
});

const http = template('http', {
  http: {
    url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json',
  },
});

export default workflow({
  metadata: { generateName: 'lifecycle-hook-tmpl-level-' },
  spec: { entrypoint: main },
});
