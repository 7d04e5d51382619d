import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/pod-gc-strategy-with-label-selector.yaml. podGC limited to pods matching a label selector. */
const podGcStrategyWithLabelSelector = template('pod-gc-strategy-with-label-selector', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('fail', fail);
      g.step('succeed-deleted', succeedDeleted);
      g.step('succeed-not-deleted', succeedNotDeleted);
    });
  }),
});

const fail = template('fail', {
  metadata: { labels: { 'should-be-deleted': 'true' } },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 1'] },
});

const succeedDeleted = template('succeed-deleted', {
  metadata: { labels: { 'should-be-deleted': 'true' } },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 0'] },
});

const succeedNotDeleted = template('succeed-not-deleted', {
  metadata: { labels: { 'should-be-deleted': 'false' } },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 0'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'pod-gc-strategy-with-label-selector-',
  },
  spec: {
    entrypoint: podGcStrategyWithLabelSelector,
    podGC: {
      strategy: 'OnPodSuccess',
      deleteDelayDuration: '30s',
      labelSelector: { matchLabels: { 'should-be-deleted': 'true' } },
    },
  },
});
