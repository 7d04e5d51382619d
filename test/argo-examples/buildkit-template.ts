import { dag, template, workflowArguments, workflowTemplate } from '../../dsl/argo/index.ts';

/** Upstream examples/buildkit-template.yaml. A WorkflowTemplate that clones, builds and pushes an image with BuildKit, parameterised by workflowArguments(). */
const args = workflowArguments({
  parameters: {
    repo: 'https://github.com/argoproj/argo-workflows',
    branch: 'master',
    path: 'test/e2e/images/argosay/v2',
    image: 'alexcollinsintuit/argosay:v2',
  },
});

export const main = template('main', {
  dag: dag((d) => {
    const cloneTask = d.task('clone', clone, {
      arguments: { parameters: { repo: args.parameters.repo, branch: args.parameters.branch } },
    });
    const buildTask = d.task('build', build, {
      arguments: { parameters: { path: args.parameters.path } },
      depends: cloneTask,
    });
    d.task('image', image, {
      arguments: { parameters: { path: args.parameters.path, image: args.parameters.image } },
      depends: buildTask,
    });
  }),
});

export const clone = template('clone', { inputs: { parameters: { repo: {}, branch: {} } } }, ({ inputs }) => ({
  container: {
    volumeMounts: [{ mountPath: '/work', name: 'work' }],
    image: 'alpine/git:v2.26.2',
    workingDir: '/work',
    args: [
      'clone',
      '--depth',
      '1',
      '--branch',
      inputs.parameters.branch,
      '--single-branch',
      inputs.parameters.repo,
      '.',
    ],
  },
}));

export const build = template('build', { inputs: { parameters: { path: {} } } }, ({ inputs }) => ({
  container: {
    image: 'golang:1.18',
    volumeMounts: [{ mountPath: '/work', name: 'work' }],
    workingDir: `/work/${inputs.parameters.path}`,
    env: [{ name: 'GO111MODULE', value: 'off' }],
    command: ['go'],
    args: ['build', '-v', '-o', 'argosay', './...'],
  },
}));

export const image = template('image', { inputs: { parameters: { path: {}, image: {} } } }, ({ inputs }) => ({
  volumes: [{ name: 'docker-config', secret: { secretName: 'docker-config' } }],
  container: {
    readinessProbe: { exec: { command: ['sh', '-c', 'buildctl debug workers'] } },
    image: 'moby/buildkit:v0.9.3-rootless',
    volumeMounts: [
      { name: 'work', mountPath: '/work' },
      { name: 'docker-config', mountPath: '/.docker' },
    ],
    workingDir: `/work/${inputs.parameters.path}`,
    env: [
      { name: 'BUILDKITD_FLAGS', value: '--oci-worker-no-process-sandbox' },
      { name: 'DOCKER_CONFIG', value: '/.docker' },
    ],
    command: ['buildctl-daemonless.sh'],
    args: [
      'build',
      '--frontend',
      'dockerfile.v0',
      '--local',
      'context=.',
      '--local',
      'dockerfile=.',
      '--output',
      `type=image,name=docker.io/${inputs.parameters.image},push=true`,
    ],
  },
}));

export const buildkit = workflowTemplate({
  metadata: { name: 'buildkit' },
  spec: {
    arguments: args,
    entrypoint: main,
    volumeClaimTemplates: [
      {
        metadata: { name: 'work' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '64Mi' } } },
      },
    ],
  },
});

export default buildkit;
