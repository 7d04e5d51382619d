import { clusterWorkflowTemplate, dag, inline, template } from '../../dsl/argo/index.ts';

export const main = template('main', {
  dag: dag((d) => {
    d.task('a', inline({ container: { image: 'argoproj/argosay:v2' } }));
  }),
});

export const dagInline = clusterWorkflowTemplate({
  metadata: {
    name: 'dag-inline',
    annotations: {
      'workflows.argoproj.io/description': `This examples demonstrates running a DAG with inline templates.
`,
      'workflows.argoproj.io/version': '>= 3.2.0',
    },
  },
  spec: { entrypoint: main },
});

export default dagInline;
