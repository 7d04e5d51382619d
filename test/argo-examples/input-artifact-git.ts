import { template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the use of a git repo as a hard-wired input artifact.
 * The argo repo is cloned to its target destination at '/src' for the main container to consume.
 */
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
