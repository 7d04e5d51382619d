import { and, clusterWorkflowTemplate, dag, steps, template } from '../../dsl/argo/index.ts';

export const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
}));

export const clusterWorkflowTemplatePrintMessage = clusterWorkflowTemplate({
  metadata: { name: 'cluster-workflow-template-print-message' },
  spec: { templates: [printMessage] },
});

export const randomFailTemplate = template('random-fail-template', {
  retryStrategy: { limit: 10 },
  container: {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
});

export const clusterWorkflowTemplateRandomFailTemplate = clusterWorkflowTemplate({
  metadata: { name: 'cluster-workflow-template-random-fail-template' },
  spec: { templates: [randomFailTemplate] },
});

export const innerSteps = template('inner-steps', {
  steps: steps((s) => {
    s.step('inner-hello1', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
      arguments: { parameters: { message: 'inner-hello1' } },
    });
    s.parallel((g) => {
      g.step('inner-hello2a', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
        arguments: { parameters: { message: 'inner-hello2a' } },
      });
      g.step('inner-hello2b', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
        arguments: { parameters: { message: 'inner-hello2b' } },
      });
    });
  }),
});

export const clusterWorkflowTemplateInnerSteps = clusterWorkflowTemplate({
  metadata: { name: 'cluster-workflow-template-inner-steps' },
  spec: { templates: [printMessage, innerSteps] },
});

export const innerDiamond = template('inner-diamond', {
  dag: dag((d) => {
    const innerA = d.task('inner-A', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
      arguments: { parameters: { message: 'inner-A' } },
    });
    const innerB = d.task('inner-B', printMessage, {
      depends: innerA,
      arguments: { parameters: { message: 'inner-B' } },
    });
    const innerC = d.task('inner-C', printMessage, {
      depends: innerA,
      arguments: { parameters: { message: 'inner-C' } },
    });
    d.task('inner-D', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
      depends: and(innerB, innerC),
      arguments: { parameters: { message: 'inner-D' } },
    });
  }),
});

export const clusterWorkflowTemplateInnerDag = clusterWorkflowTemplate({
  metadata: { name: 'cluster-workflow-template-inner-dag' },
  spec: { templates: [printMessage, innerDiamond] },
});

export const clusterWorkflowTemplateSubmittable = clusterWorkflowTemplate({
  metadata: { name: 'cluster-workflow-template-submittable' },
  spec: { entrypoint: printMessage, arguments: { parameters: { message: 'hello world' } } },
});

export default [
  clusterWorkflowTemplatePrintMessage,
  clusterWorkflowTemplateRandomFailTemplate,
  clusterWorkflowTemplateInnerSteps,
  clusterWorkflowTemplateInnerDag,
  clusterWorkflowTemplateSubmittable,
];
