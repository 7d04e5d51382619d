import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/intermediate-parameters.yaml. A suspend template whose output parameters are supplied on resume, with enum choices. */
const cicdPipeline = template('cicd-pipeline', {
  steps: steps((s) => {
    s.step('deploy-pre-prod', deploy);
    const approvalStep = s.step('approval', approval);
    s.step('deploy-prod', deploy, { when: `${approvalStep.outputs.parameters.approve} == YES` });
  }),
});

const approval = template('approval', {
  suspend: {},
  inputs: {
    parameters: {
      approve: {
        default: 'NO',
        enum: ['YES', 'NO'],
        description: 'Choose YES to continue workflow and deploy to production',
      },
    },
  },
  outputs: { parameters: { approve: { valueFrom: { supplied: {} } } } },
});

const deploy = template('deploy', {
  container: { image: 'argoproj/argosay:v2', command: ['/argosay'], args: ['echo', 'deploying'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'intermediate-parameters-cicd-',
  },
  spec: { entrypoint: cicdPipeline },
});
