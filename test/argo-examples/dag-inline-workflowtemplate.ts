import { dag, inline, template, workflowTemplate } from '../../dsl/argo/index.ts';

export const main = template('main', {
  dag: dag((d) => {
    d.task('a', inline({ container: { image: 'argoproj/argosay:v2' } }));
  }),
});

export const dagInline = workflowTemplate({
  metadata: {
    name: 'dag-inline',
    annotations: {
      'workflows.argoproj.io/description': `This example demonstrates running a DAG with inline templates.
`,
      'workflows.argoproj.io/version': '>= 3.2.0',
    },
  },
  spec: { entrypoint: main },
});

export default dagInline;
