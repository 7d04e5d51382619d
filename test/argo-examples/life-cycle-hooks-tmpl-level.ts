import { exprWith, steps, template, workflow } from '../../dsl/argo/index.ts';

// Argo needs `steps["step-1"]` for a name with a dash; the hooks read their own step's status.
const { exprText } = exprWith({ quote: '"' });

const main = template('main', {
  steps: steps((s) => {
    s.step('step-1', echo, {
      hooks: (self) => ({
        running: { expression: exprText`${self.status} == "Running"`, template: http },
        success: { expression: exprText`${self.status} == "Succeeded"`, template: http },
      }),
    });
    s.step('step2', echo, {
      hooks: (self) => ({
        running: { expression: exprText`${self.status} == "Running"`, template: http },
        success: { expression: exprText`${self.status} == "Succeeded"`, template: http },
      }),
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
