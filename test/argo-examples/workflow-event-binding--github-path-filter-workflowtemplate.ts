import { steps, template, workflowArguments, workflowTemplate } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { files: '[]' } });

export const main = template('main', {
  steps: steps((s) => {
    s.step('a', argosay, { arguments: { parameters: { files: args.parameters.files } } });
  }),
});

export const argosay = template('argosay', { inputs: { parameters: { files: {} } } }, ({ inputs }) => ({
  container: {
    image: 'argoproj/argosay:v2',
    args: ['echo', `Files affected by commit: ${inputs.parameters.files}`],
  },
}));

export const githubPathFilter = workflowTemplate({
  metadata: { name: 'github-path-filter' },
  spec: { entrypoint: main, arguments: args },
});

export default githubPathFilter;
