import { workflow } from '../../dsl/argo/index.ts';
import { clusterWorkflowTemplatePrintMessage, printMessage } from './cluster-workflow-template--clustertemplates.ts';

export default workflow({
  metadata: { generateName: 'cluster-workflow-template-hello-world-' },
  spec: {
    entrypoint: printMessage,
    arguments: { parameters: { message: 'hello world' } },
    workflowTemplateRef: clusterWorkflowTemplatePrintMessage,
  },
});
