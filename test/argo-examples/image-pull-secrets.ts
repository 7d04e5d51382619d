import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/image-pull-secrets.yaml. imagePullSecrets on the workflow spec. */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'hello-world-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: helloWorld, imagePullSecrets: [{ name: 'docker-registry-secret' }] },
});
