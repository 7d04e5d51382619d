import { steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.step('step-1', output, {
      hooks: (self) => ({
        exit: { template: exit, arguments: { artifacts: { message: self.outputs.artifacts.result } } },
      }),
    });
  }),
});

const output = template('output', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `with open("result.txt", "w") as f:
  f.write("Welcome")
`,
  },
  outputs: { artifacts: { result: { path: '/result.txt' } } },
});

const exit = template('exit', {
  inputs: { artifacts: { message: { path: '/tmp/message' } } },
  container: { image: 'python:alpine3.23', command: ['sh', '-c'], args: ['cat /tmp/message'] },
});

export default workflow({
  metadata: {
    generateName: 'exit-handler-with-artifacts-',
    annotations: {
      'workflows.argoproj.io/description': `onExitTemplate enables workflow to pass the arguments (parameters/Artifacts) to exit handler template.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
