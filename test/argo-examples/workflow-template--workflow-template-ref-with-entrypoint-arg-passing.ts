import { workflow } from '../../dsl/argo/index.ts';
import { printMessage, workflowTemplatePrintMessage } from './workflow-template--templates.ts';

export default workflow({
  metadata: { generateName: 'workflow-template-hello-world-' },
  spec: {
    entrypoint: printMessage,
    arguments: { parameters: { message: 'hello world' } },
    workflowTemplateRef: workflowTemplatePrintMessage,
  },
});
