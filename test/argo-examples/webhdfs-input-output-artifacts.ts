import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/webhdfs-input-output-artifacts.yaml. WebHDFS through HTTP artifact locations for input and output. */
const inputOutputArtifactWebhdfsExample = template('input-output-artifact-webhdfs-example', {
  inputs: {
    artifacts: {
      'my-art': {
        path: '/my-artifact',
        http: {
          url: 'https://mywebhdfsprovider.com/webhdfs/v1/file.txt?op=OPEN',
          auth: {
            oauth2: {
              clientIDSecret: { name: 'oauth-sec', key: 'clientID' },
              clientSecretSecret: { name: 'oauth-sec', key: 'clientSecret' },
              tokenURLSecret: { name: 'oauth-sec', key: 'tokenURL' },
              scopes: ['some', 'scopes'],
              endpointParams: [{ key: 'customkey', value: 'customvalue' }],
            },
          },
          headers: [{ name: 'CustomHeader', value: 'CustomValue' }],
        },
      },
    },
  },
  outputs: {
    artifacts: {
      'my-art2': {
        path: '/my-artifact',
        http: {
          url: 'https://mywebhdfsprovider.com/webhdfs/v1/file.txt?op=CREATE&overwrite=true',
          auth: {
            clientCert: {
              clientCertSecret: { name: 'cert-sec', key: 'certificate.pem' },
              clientKeySecret: { name: 'cert-sec', key: 'key.pem' },
            },
          },
          headers: [{ name: 'CustomHeader', value: 'CustomValue' }],
        },
      },
    },
  },
  container: { image: 'debian:latest', command: ['sh', '-c'], args: ['cat /my-artifact'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'input-output-artifact-webhdfs-',
  },
  spec: { entrypoint: inputOutputArtifactWebhdfsExample },
});
