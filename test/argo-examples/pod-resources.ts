import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates setting pod-level resource requests and limits,
 * which apply to the pod as a whole rather than to individual containers.
 * Requires the PodLevelResources feature gate (beta since Kubernetes v1.34);
 * without it the API server silently drops the field (the controller emits a
 * PodLevelResourcesDropped warning event when that happens).
 * Note: the budget must also cover the containers Argo injects into each pod
 * (sized by the controller's executor resources configuration): the API server
 * rejects a pod whose pod-level limits are below any single container's limits.
 */
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
