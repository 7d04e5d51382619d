import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * The coinflip example combines the use of a script result,
 * along with conditionals, to take a dynamic path in the
 * workflow. In this example, depending on the result of the
 * first step, 'flip-coin', the template will either run the
 * 'heads' step or the 'tails' step.
 */
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
