import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates how to reference kubernetes secrets in a workflow.
 * Secrets should be stored externally from the workflow as kubernetes secrets,
 * and accessed using normal kubernetes facilities, such as volume mounting the
 * secret, or as an environment variable. This example shows both approaches.
 * For more details, see kubernetes documentation on secrets:
 * https://kubernetes.io/docs/concepts/configuration/secret/
 * To run this example, first create the secret by running:
 * kubectl create secret generic my-secret --from-literal=mypassword=S00perS3cretPa55word
 */
const printSecret = template('print-secret', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [
      ' echo "secret from env: $MYSECRETPASSWORD"; echo "secret from file: `cat /secret/mountpath/mypassword`" ',
    ],
    env: [
      { name: 'MYSECRETPASSWORD', valueFrom: { secretKeyRef: { name: 'my-secret', key: 'mypassword' } } },
    ],
    volumeMounts: [{ name: 'my-secret-vol', mountPath: '/secret/mountpath' }],
  },
});

export default workflow({
  metadata: { generateName: 'secrets-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: {
    entrypoint: printSecret,
    volumes: [{ name: 'my-secret-vol', secret: { secretName: 'my-secret' } }],
  },
});
