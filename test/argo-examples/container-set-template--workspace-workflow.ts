import { template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  volumes: [{ name: 'workspace', emptyDir: {} }],
  containerSet: {
    volumeMounts: [{ mountPath: '/workspace', name: 'workspace' }],
    containers: [
      { name: 'a', image: 'argoproj/argosay:v2', args: ['echo', 'hi', '/workspace/out'] },
      { name: 'main', image: 'argoproj/argosay:v2' },
    ],
  },
  outputs: {
    parameters: { out: { valueFrom: { path: '/workspace/out' } } },
    artifacts: { out: { path: '/workspace/out' } },
  },
});

export default workflow({
  metadata: {
    generateName: 'workspace-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates using a workspace to share files between containers. This also allows containers not
called "main" to create output artifacts.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
