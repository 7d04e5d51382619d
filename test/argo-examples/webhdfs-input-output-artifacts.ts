import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the usage of an input or output artifact via a webhdfs endpoint. 
 * The different providers support different ways of authentication. For Azure datalake, for example, this is done via an oauth2 token. 
 * On the other hand, SAP Hana datalake uses client authentication via certificates.
 * Right now, authentication via certificates and via OAuth2 is supported. The input artifact shows an example for OAuth2 while the output artifact shows an example for using certificates.
 */
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
