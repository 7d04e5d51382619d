import { cronWorkflow } from '../../dsl/argo/index.ts';
import { dagInline } from './dag-inline-workflowtemplate.ts';

export default cronWorkflow({
  metadata: {
    name: 'dag-inline',
    annotations: {
      'workflows.argoproj.io/description': `This example demonstrates running cron workflow that has a DAG with inline templates.
`,
      'workflows.argoproj.io/version': '>= 3.2.0',
    },
  },
  spec: { schedules: ['*/5 * * * *'], workflowSpec: { workflowTemplateRef: dagInline } },
});
