import { exprText, steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {}, () => {
  const body = steps((s) => {
    const flipCoinStep = s.step('flip-coin', flipCoin);
    const [headsStep, tailsStep] = s.parallel((g) => {
      const headsStep = g.step('heads', heads, { when: `${flipCoinStep.outputs.result} == heads` });
      const tailsStep = g.step('tails', tails, { when: `${flipCoinStep.outputs.result} == tails` });
      return [headsStep, tailsStep] as const;
    });
    return { flipCoinStep, headsStep, tailsStep };
  });
  return {
    steps: body,
    outputs: {
      artifacts: {
        result: {
          fromExpression: exprText`${body.refs.flipCoinStep.outputs.result} == 'heads' ? ${body.refs.headsStep.outputs.artifacts.result} : ${body.refs.tailsStep.outputs.artifacts.result}`,
        },
      },
    },
  };
});

const flipCoin = template('flip-coin', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import random
print("heads" if random.randint(0,1) == 0 else "tails")
`,
  },
});

const heads = template('heads', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `with open("result.txt", "w") as f:
  f.write("it was heads")
`,
  },
  outputs: { artifacts: { result: { path: '/result.txt' } } },
});

const tails = template('tails', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `with open("result.txt", "w") as f:
  f.write("it was tails")
`,
  },
  outputs: { artifacts: { result: { path: '/result.txt' } } },
});

export default workflow({
  metadata: {
    generateName: 'conditional-artifacts-',
    annotations: {
      'workflows.argoproj.io/description': `Conditional artifacts provide a way to choose the output artifacts based on expression.

In this example the main template has two steps which will run conditionall using \`when\` .

Based on the \`when\` condition one of step will not execute. The main template's output artifact named "result"
will be set to the executed step's output.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
