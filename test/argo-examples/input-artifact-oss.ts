import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/input-artifact-oss.yaml. A fixed input artifact read from Alibaba OSS. */
const inputArtifactOssExample = template('input-artifact-oss-example', {
  inputs: {
    artifacts: {
      'my-art': {
        path: '/my-artifact',
        oss: {
          endpoint: 'http://oss-cn-hangzhou-zmf.aliyuncs.com',
          bucket: 'test-bucket-name',
          key: 'test/mydirectory/',
          accessKeySecret: { name: 'my-oss-credentials', key: 'accessKey' },
          secretKeySecret: { name: 'my-oss-credentials', key: 'secretKey' },
        },
      },
    },
  },
  container: { image: 'debian:latest', command: ['sh', '-c'], args: ['ls -l /my-artifact'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'input-artifact-oss-' },
  spec: { entrypoint: inputArtifactOssExample },
});
