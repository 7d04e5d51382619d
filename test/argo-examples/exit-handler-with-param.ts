import { steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.step('step-1', output, {
      hooks: (self) => ({
        exit: { template: exit, arguments: { parameters: { message: self.outputs.parameters.result } } },
      }),
    });
  }),
});

const output = template('output', {
  container: {
    image: 'python:alpine3.23',
    command: ['sh', '-c'],
    args: ['echo -n hello world > /tmp/hello_world.txt'],
  },
  outputs: { parameters: { result: { valueFrom: { default: 'Foobar', path: '/tmp/hello_world.txt' } } } },
});

const exit = template('exit', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `print("${inputs.parameters.message}")
`,
  },
}));

export default workflow({
  metadata: {
    generateName: 'exit-handler-with-param-',
    annotations: {
      'workflows.argoproj.io/description': `onExitTemplate enables workflow to pass the arguments (parameters/Artifacts) to exit handler template.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
