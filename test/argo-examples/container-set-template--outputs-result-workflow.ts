import { dag, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  dag: dag((d) => {
    const a = d.task('a', group);
    d.task('b', verify, { arguments: { parameters: { x: a.outputs.result } }, dependencies: [a] });
  }),
});

const group = template('group', {
  containerSet: {
    containers: [
      {
        name: 'main',
        image: 'python:alpine3.23',
        command: ['python', '-c'],
        args: [
          `print("hi")
`,
        ],
      },
    ],
  },
});

const verify = template('verify', { inputs: { parameters: { x: {} } } }, ({ inputs }) => ({
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `assert "${inputs.parameters.x}" == "hi"
`,
  },
}));

export default workflow({
  metadata: {
    generateName: 'outputs-result-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates collecting outputs (specifically the stdout result) from a pod.

Specifially, you must have a container named "main".
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
