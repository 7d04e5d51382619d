import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * imagePullSecrets can be referenced in a workflow spec, which will be carried forward to all pods
 * of the workflow. Note that imagePullSecrets can also be attached to a service account:
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#add-imagepullsecrets-to-a-service-account
 */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'hello-world-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: helloWorld, imagePullSecrets: [{ name: 'docker-registry-secret' }] },
});
