import { inputRefs, loopItem, steps, template, workflow } from '../../dsl/argo/index.ts';

const item = loopItem('image', 'tag');

const ciExample = template('ci-example', { inputs: { parameters: { revision: {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    s.step('build', buildGolangExample, {
      arguments: { parameters: { revision: inputs.parameters.revision } },
    });
    s.step('test', runHello, {
      arguments: { parameters: { 'os-image': `${item.image}:${item.tag}` } },
      withItems: [
        { image: 'debian', tag: '9.1' },
        { image: 'alpine', tag: '3.6' },
        { image: 'ubuntu', tag: '17.10' },
      ],
    });
  }),
}));

// The git artifact is checked out at the revision passed in as a parameter of the same inputs.
const buildParams = { revision: {} };
const buildInput = inputRefs(buildParams);

const buildGolangExample = template(
  'build-golang-example',
  {
    inputs: {
      parameters: buildParams,
      artifacts: {
        code: {
          path: '/go/src/github.com/golang/example',
          git: { repo: 'https://github.com/golang/example.git', revision: buildInput.revision },
        },
      },
    },
  },
  () => ({
    container: {
      image: 'golang:1.8',
      command: ['sh', '-c'],
      args: [' cd /go/src/github.com/golang/example/hello && git status && go build -v . '],
      volumeMounts: [{ name: 'workdir', mountPath: '/go' }],
    },
  }),
);

const runHello = template('run-hello', { inputs: { parameters: { 'os-image': {} } } }, ({ inputs }) => ({
  container: {
    image: inputs.parameters['os-image'],
    command: ['sh', '-c'],
    args: [' uname -a ; cat /etc/os-release ; /go/src/github.com/golang/example/hello/hello '],
    volumeMounts: [{ name: 'workdir', mountPath: '/go' }],
  },
}));

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'ci-example-' },
  spec: {
    entrypoint: ciExample,
    arguments: { parameters: { revision: 'cfe12d6' } },
    volumeClaimTemplates: [
      {
        metadata: { name: 'workdir' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
});
