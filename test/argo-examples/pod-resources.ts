import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/pod-resources.yaml. podResources (pod-level requests and limits) on the workflow spec. */
const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'pod-resources-' },
  spec: {
    entrypoint: helloWorld,
    podResources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  },
});
