import { steps, template, workflow } from '../../dsl/argo/index.ts';
import {
  innerSteps,
  printMessage,
  workflowTemplateInnerSteps,
  workflowTemplatePrintMessage,
} from './workflow-template--templates.ts';

const helloHelloHello = template('hello-hello-hello', {
  steps: steps((s) => {
    s.step('hello1', workflowTemplatePrintMessage.templateRef(printMessage), {
      arguments: { parameters: { message: 'hello1' } },
    });
    s.parallel((g) => {
      g.step('hello2a', workflowTemplateInnerSteps.templateRef(innerSteps), {
        undeclaredArguments: { parameters: { message: 'hello2a' } },
      });
      g.step('hello2b', workflowTemplatePrintMessage.templateRef(printMessage), {
        arguments: { parameters: { message: 'hello2b' } },
      });
    });
  }),
});

export default workflow({
  metadata: { generateName: 'workflow-template-steps-' },
  spec: { entrypoint: helloHelloHello },
});
