import { loopItem, steps, template, workflow } from '../../dsl/argo/index.ts';

const item = loopItem('image', 'tag');

const ciExample = template('ci-example', {
  steps: steps((s) => {
    s.step('build', buildGolangExample);
    s.step('test', runHello, {
      arguments: { parameters: { 'os-image': `${item.image}:${item.tag}` } },
      withItems: [
        { image: 'debian', tag: '9.1' },
        { image: 'alpine', tag: '3.6' },
        { image: 'ubuntu', tag: '17.10' },
      ],
    });
    s.step('release', releaseArtifact);
  }),
});

const buildGolangExample = template('build-golang-example', {
  inputs: {
    artifacts: {
      code: {
        path: '/go/src/github.com/golang/example',
        git: { repo: 'https://github.com/golang/example.git', revision: 'cfe12d6' },
      },
    },
  },
  container: {
    image: 'golang:1.8',
    command: ['sh', '-c'],
    args: [' cd /go/src/github.com/golang/example/hello && go build -v . '],
    volumeMounts: [{ name: 'workdir', mountPath: '/go' }],
  },
});

const runHello = template('run-hello', { inputs: { parameters: { 'os-image': {} } } }, ({ inputs }) => ({
  container: {
    image: inputs.parameters['os-image'],
    command: ['sh', '-c'],
    args: [' uname -a ; cat /etc/os-release ; /go/src/github.com/golang/example/hello/hello '],
    volumeMounts: [{ name: 'workdir', mountPath: '/go' }],
  },
}));

const releaseArtifact = template('release-artifact', {
  container: { image: 'alpine:3.23', volumeMounts: [{ name: 'workdir', mountPath: '/go' }] },
  outputs: { artifacts: { release: { path: '/go' } } },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'ci-output-artifact-' },
  spec: {
    entrypoint: ciExample,
    volumeClaimTemplates: [
      {
        metadata: { name: 'workdir' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
});
