import { exprText, steps, template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.step('step1', heads);
  }),
});

const heads = template('heads', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "it was heads"'] },
});

const http = template('http', {
  http: {
    url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json',
  },
});

export default workflow({
  metadata: { generateName: 'lifecycle-hook-' },
  spec: {
    entrypoint: main,
    hooks: {
      exit: { template: http },
      running: { expression: exprText`${vars.workflow.status} == "Running"`, template: http },
    },
  },
});
