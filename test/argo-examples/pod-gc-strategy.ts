import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/pod-gc-strategy.yaml. podGC deleting pods on success, after a delay. */
const podGcStrategy = template('pod-gc-strategy', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('fail', fail);
      g.step('succeed', succeed);
    });
  }),
});

const fail = template('fail', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 1'] },
});

const succeed = template('succeed', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 0'] },
});

export default workflow({
  metadata: { generateName: 'pod-gc-strategy-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: podGcStrategy, podGC: { strategy: 'OnPodSuccess', deleteDelayDuration: '30s' } },
});
