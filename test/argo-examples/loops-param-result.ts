import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/loops-param-result.yaml. withParam over the JSON list a script prints. */
const loopParamResultExample = template('loop-param-result-example', {
  steps: steps((s) => {
    const generate = s.step('generate', genNumberList);
    s.step('sleep', sleepNSec, {
      arguments: { parameters: { seconds: item } },
      withParam: generate.outputs.result,
    });
  }),
});

const genNumberList = template('gen-number-list', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import json
import sys
json.dump([i for i in range(20, 31)], sys.stdout)
`,
  },
});

const sleepNSec = template('sleep-n-sec', { inputs: { parameters: { seconds: {} } } }, ({ inputs }) => ({
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [`echo sleeping for ${inputs.parameters.seconds} seconds; sleep ${inputs.parameters.seconds}; echo done`],
  },
}));

export default workflow({
  metadata: { generateName: 'loops-param-result-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: { entrypoint: loopParamResultExample },
});
