import { loopItem, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/loops-param-argument.yaml. withParam over a JSON list passed as a workflow argument. */
const item = loopItem('image', 'tag');

const loopParamArgExample = template(
  'loop-param-arg-example',
  { inputs: { parameters: { 'os-list': {} } } },
  ({ inputs }) => ({
    steps: steps((s) => {
      s.step('test-linux', catOsRelease, {
        arguments: { parameters: { image: item.image, tag: item.tag } },
        withParam: inputs.parameters['os-list'],
      });
    }),
  }),
);

const catOsRelease = template('cat-os-release', { inputs: { parameters: { image: {}, tag: {} } } }, ({ inputs }) => ({
  annotations: { 'workflows.argoproj.io/display-name': `os-${inputs.parameters.image}-${inputs.parameters.tag}` },
  container: {
    image: `${inputs.parameters.image}:${inputs.parameters.tag}`,
    command: ['cat'],
    args: ['/etc/os-release'],
  },
}));

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/no-test-resons': `the code that checks images allowed to run in test runs before the actual
image value is applied. In this case it checks for the template variable
and it is not an allowed image
`,
    },
    generateName: 'loops-param-arg-',
  },
  spec: {
    entrypoint: loopParamArgExample,
    arguments: {
      parameters: {
        'os-list': `[
  { "image": "debian", "tag": "9.1" },
  { "image": "debian", "tag": "8.9" },
  { "image": "alpine", "tag": "3.6" },
  { "image": "ubuntu", "tag": "17.10" }
]
`,
      },
    },
  },
});
