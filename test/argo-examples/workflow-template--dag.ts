import { and, dag, template, workflow } from '../../dsl/argo/index.ts';
import {
  innerDiamond,
  printMessage,
  workflowTemplateInnerDag,
  workflowTemplatePrintMessage,
} from './workflow-template--templates.ts';

/** Upstream examples/workflow-template/dag.yaml. A DAG diamond running a WorkflowTemplate's template through a typed templateRef. */
const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', workflowTemplatePrintMessage.templateRef(printMessage), {
      arguments: { parameters: { message: 'A' } },
    });
    const B = d.task('B', workflowTemplatePrintMessage.templateRef(printMessage), {
      depends: A,
      arguments: { parameters: { message: 'B' } },
    });
    const C = d.task('C', workflowTemplateInnerDag.templateRef(innerDiamond), { depends: A });
    d.task('D', workflowTemplatePrintMessage.templateRef(printMessage), {
      depends: and(B, C),
      arguments: { parameters: { message: 'D' } },
    });
  }),
});

export default workflow({
  metadata: { generateName: 'workflow-template-dag-diamond-' },
  spec: { entrypoint: diamond },
});
