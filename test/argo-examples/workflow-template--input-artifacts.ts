import { template, workflowTemplate } from '../../dsl/argo/index.ts';

export const argosay = template('argosay', {
  inputs: { artifacts: { 'input-file': { path: '/tmp/input-file' } } },
  container: { image: 'alpine:latest', command: ['cat'], args: ['/tmp/input-file'] },
});

export const workflowTemplateInputArtifacts = workflowTemplate({
  metadata: { name: 'workflow-template-input-artifacts' },
  spec: {
    entrypoint: argosay,
    arguments: {
      artifacts: {
        'input-file': {
          s3: {
            endpoint: 's3.amazonaws.com',
            region: 'us-east-1',
            bucket: 'your-bucket-name',
            key: 'input-file/upload.zip',
            accessKeySecret: { name: 's3-creds', key: 'accessKey' },
            secretKeySecret: { name: 's3-creds', key: 'secretKey' },
          },
        },
      },
    },
  },
});

export default workflowTemplateInputArtifacts;
