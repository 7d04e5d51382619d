import { exprText, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { foo: 'bar' } });

const main = template('main', { container: { image: 'argoproj/argosay:v2' } });

export default workflow({
  metadata: {
    generateName: 'label-value-from-',
    annotations: {
      'workflows.argoproj.io/version': '>= v3.3.0',
      'workflows.argoproj.io/description': `This examples show you how to add labels based on an expression.
You can then query workflows based on the parameters they were invoked with.
In this specific case, the value of foo will set as a label on the workflow.
`,
    },
  },
  spec: {
    arguments: args,
    workflowMetadata: { labelsFrom: { foo: { expression: exprText`${args.parameters.foo}` } } },
    entrypoint: main,
  },
});
