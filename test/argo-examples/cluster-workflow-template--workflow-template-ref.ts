import { workflow } from '../../dsl/argo/index.ts';
import { clusterWorkflowTemplateSubmittable } from './cluster-workflow-template--clustertemplates.ts';

export default workflow({
  metadata: { generateName: 'cluster-workflow-template-hello-world-' },
  spec: { workflowTemplateRef: clusterWorkflowTemplateSubmittable },
});
