import { steps, template, workflow } from '../../dsl/argo/index.ts';
import { printMessage, workflowTemplatePrintMessage } from './workflow-template--templates.ts';

const helloWorldFromTemplateRef = template('hello-world-from-templateRef', {
  steps: steps((s) => {
    s.step('call-print-message', workflowTemplatePrintMessage.templateRef(printMessage), {
      arguments: { parameters: { message: 'hello world' } },
    });
  }),
});

export default workflow({
  metadata: { generateName: 'workflow-template-hello-world-' },
  spec: { entrypoint: helloWorldFromTemplateRef },
});
