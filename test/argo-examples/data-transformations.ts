import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/data-transformations.yaml. A data template filtering an artifact listing with expressions, fanned out with withParam. */
const dataTransformations = template('data-transformations', {
  steps: steps((s) => {
    const listLogFilesStep = s.step('list-log-files', listLogFiles);
    s.step('process-logs', processLogs, {
      withParam: listLogFilesStep.outputs.result,
      arguments: { parameters: { 'file-name': item }, artifacts: { file: { s3: { key: item } } } },
    });
  }),
});

const listLogFiles = template('list-log-files', {
  data: {
    source: { artifactPaths: { name: 'test-bucket', s3: { bucket: 'my-bucket' } } },
    transformation: [{ expression: 'filter(data, {# endsWith "main.log"})' }],
  },
});

const processLogs = template(
  'process-logs',
  {
    inputs: { parameters: { 'file-name': {} }, artifacts: { file: { path: '/file' } } },
  },
  ({ inputs }) => ({
    container: {
      image: 'argoproj/argosay:v2',
      command: ['sh', '-c'],
      args: [
        `echo ${inputs.parameters['file-name']}
head /file
`,
      ],
    },
  }),
);

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'data-transformations-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates using a data template to list in an S3 bucket
and then process those log files.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: dataTransformations },
});
