import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/input-artifact-git.yaml. A fixed input artifact cloned from a git repository at a revision. */
const gitClone = template('git-clone', {
  inputs: {
    artifacts: {
      'argo-source': {
        path: '/src',
        git: { repo: 'https://github.com/argoproj/argo-workflows.git', revision: 'v2.1.1' },
      },
    },
  },
  container: {
    image: 'golang:1.10',
    command: ['sh', '-c'],
    args: ['git status && ls && cat VERSION'],
    workingDir: '/src',
  },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'input-artifact-git-' },
  spec: { entrypoint: gitClone },
});
