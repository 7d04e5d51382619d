import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/secrets.yaml. Secrets mounted as a volume and read as environment variables. */
const printSecret = template('print-secret', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [' echo "secret from env: $MYSECRETPASSWORD"; echo "secret from file: `cat /secret/mountpath/mypassword`" '],
    env: [{ name: 'MYSECRETPASSWORD', valueFrom: { secretKeyRef: { name: 'my-secret', key: 'mypassword' } } }],
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
