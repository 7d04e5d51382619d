import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/conditionals-complex.yaml. Compound `when` conditions over two coin flips, govaluate and regex forms. */
const coinflip = template('coinflip', {
  steps: steps((s) => {
    const flipCoinStep = s.step('flip-coin', flipCoin);
    s.parallel((g) => {
      g.step('heads', heads, { when: `${flipCoinStep.outputs.result} == heads` });
      g.step('tails', tails, { when: `${flipCoinStep.outputs.result} == tails` });
    });
    const flipAgain = s.step('flip-again', flipCoin);
    s.parallel((g) => {
      g.step('complex-condition', headsTailsOrTwiceTails, {
        when: `( ${flipCoinStep.outputs.result} == heads &&
  ${flipAgain.outputs.result} == tails
) || ( ${flipCoinStep.outputs.result} == tails &&
  ${flipAgain.outputs.result} == tails )`,
      });
      g.step('heads-regex', heads, { when: `${flipAgain.outputs.result} =~ hea` });
      g.step('tails-regex', tails, { when: `${flipAgain.outputs.result} =~ tai` });
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

const headsTailsOrTwiceTails = template('heads-tails-or-twice-tails', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['echo "it was heads the first flip and tails the second. Or it was two times tails."'],
  },
});

export default workflow({
  metadata: { generateName: 'coinflip-' },
  spec: { entrypoint: coinflip },
});
