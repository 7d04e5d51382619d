import { workflow } from '../../dsl/argo/index.ts';
import { workflowTemplateSubmittable } from './workflow-template--templates.ts';

export default workflow({
  metadata: { generateName: 'workflow-template-hello-world-' },
  spec: { workflowTemplateRef: workflowTemplateSubmittable },
});
