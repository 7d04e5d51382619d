import { and, dag, steps, template, type Template, workflow } from '../../dsl/argo/index.ts';

const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', coinflip);
    const B = d.task('B', coinflip, { depends: A });
    const C = d.task('C', coinflip, { depends: A });
    d.task('D', coinflip, { depends: and(B, C) });
  }),
});

const coinflip: Template = template('coinflip', {
  steps: steps((s) => {
    const flipCoinStep = s.step('flip-coin', flipCoin);
    s.parallel((g) => {
      g.step('heads', heads, { when: `${flipCoinStep.outputs.result} == heads` });
      g.step('tails', coinflip, { when: `${flipCoinStep.outputs.result} == tails` });
    });
  }),
});

const flipCoin = template('flip-coin', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import random
result = "heads" if random.randint(0,1) == 0 else "tails"
print(result)
`,
  },
});

const heads = template('heads', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] },
});

export default workflow({
  metadata: {
    generateName: 'dag-diamond-coinflip-',
    labels: { 'workflows.argoproj.io/no-test': 'duration' },
    annotations: {
      'workflows.argoproj.io/description': `This is an example of coin flip defined as a DAG.
`,
    },
  },
  spec: { entrypoint: diamond },
});
