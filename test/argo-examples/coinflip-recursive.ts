import { steps, template, workflow, type Template } from '../../dsl/argo/index.ts';

const flipCoin = template('flip-coin', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n',
  },
});

const heads = template('heads', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] },
});

/** Flips again until the coin lands on heads. */
const coinflip: Template = template('coinflip', {
  steps: steps((s) => {
    const flip = s.step('flip-coin', flipCoin);
    s.parallel((g) => {
      g.step('heads', heads, { when: `${flip.outputs.result} == heads` });
      g.step('tails', coinflip, { when: `${flip.outputs.result} == tails` });
    });
  }),
});

export default workflow({ metadata: { generateName: 'coinflip-recursive-' }, spec: { entrypoint: coinflip } });
