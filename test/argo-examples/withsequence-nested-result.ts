import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/withsequence-nested-result.yaml. withSequence loops whose end is a previous script result, at two levels. */
const helloEntrypoint = template('hello-entrypoint', {
  steps: steps((s) => {
    const helloA = s.step('hello-a', hello);
    s.step('hello-b', helloHello, { withSequence: { start: '1', end: helloA.outputs.result } });
  }),
});

const helloHello = template('hello-hello', {
  steps: steps((s) => {
    const helloB = s.step('hello-b', hello);
    s.step('hello-c', hello, { withSequence: { start: '1', end: helloB.outputs.result } });
  }),
});

const hello = template('hello', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import random
result = random.randint(0,5)
print(result)
`,
  },
});

export default workflow({
  metadata: { generateName: 'withsequence-nested-result-' },
  spec: { entrypoint: helloEntrypoint },
});
