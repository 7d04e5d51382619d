import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/pod-resources-template-override.yaml. Workflow-level podResources overridden by one template. */
const main = template('main', {
  steps: steps((s) => {
    s.step('small', small);
    s.step('large', large);
  }),
});

const small = template('small', { container: { image: 'busybox', command: ['echo'], args: ['small step'] } });

const large = template('large', {
  podResources: { limits: { cpu: '2', memory: '1Gi' } },
  container: { image: 'busybox', command: ['sh', '-c'], args: ['sleep 5; echo large step'] },
  sidecars: [{ name: 'helper', image: 'busybox', command: ['sh', '-c'], args: ['sleep 10'] }],
});

export default workflow({
  metadata: { generateName: 'pod-resources-template-override-' },
  spec: { entrypoint: main, podResources: { limits: { cpu: '1', memory: '512Mi' } } },
});
