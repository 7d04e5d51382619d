import { and, dag, template, workflow } from '../../dsl/argo/index.ts';
import {
  clusterWorkflowTemplateInnerDag,
  clusterWorkflowTemplatePrintMessage,
  innerDiamond,
  printMessage,
} from './cluster-workflow-template--clustertemplates.ts';

/** Upstream examples/cluster-workflow-template/cluster-wftmpl-dag.yaml. DAG tasks running templates of a ClusterWorkflowTemplate through typed templateRefs. */
const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
      arguments: { parameters: { message: 'A' } },
    });
    const B = d.task('B', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
      depends: A,
      arguments: { parameters: { message: 'B' } },
    });
    const C = d.task('C', clusterWorkflowTemplateInnerDag.templateRef(innerDiamond), { depends: A });
    d.task('D', clusterWorkflowTemplatePrintMessage.templateRef(printMessage), {
      depends: and(B, C),
      arguments: { parameters: { message: 'D' } },
    });
  }),
});

export default workflow({
  metadata: { generateName: 'workflow-template-dag-diamond-' },
  spec: { entrypoint: diamond },
});
