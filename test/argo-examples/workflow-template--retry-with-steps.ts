import { steps, template, workflow } from '../../dsl/argo/index.ts';
import { randomFailTemplate, workflowTemplateRandomFailTemplate } from './workflow-template--templates.ts';

/** Upstream examples/workflow-template/retry-with-steps.yaml. Steps running a retrying template of a WorkflowTemplate through typed templateRefs. */
const retryWithSteps = template('retry-with-steps', {
  steps: steps((s) => {
    s.step('hello1', workflowTemplateRandomFailTemplate.templateRef(randomFailTemplate));
    s.parallel((g) => {
      g.step('hello2a', workflowTemplateRandomFailTemplate.templateRef(randomFailTemplate));
      g.step('hello2b', workflowTemplateRandomFailTemplate.templateRef(randomFailTemplate));
    });
  }),
});

export default workflow({
  metadata: {
    generateName: 'workflow-template-retry-with-steps-',
    labels: { 'workflows.argoproj.io/no-test': 'flaky' },
  },
  spec: { entrypoint: retryWithSteps },
});
