import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/coinflip.yaml. A script result deciding which step runs, with `when` conditions on a step output. */
const coinflip = template('coinflip', {
  steps: steps((s) => {
    const flipCoinStep = s.step('flip-coin', flipCoin);
    s.parallel((g) => {
      g.step('heads', heads, { when: `${flipCoinStep.outputs.result} == heads` });
      g.step('tails', tails, { when: `${flipCoinStep.outputs.result} == tails` });
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

const tails = template('tails', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was tails"'] },
});

export default workflow({
  metadata: {
    generateName: 'coinflip-',
    annotations: {
      'workflows.argoproj.io/description': `This is an example of coin flip defined as a sequence of conditional steps.\\
`,
    },
  },
  spec: { entrypoint: coinflip },
});
