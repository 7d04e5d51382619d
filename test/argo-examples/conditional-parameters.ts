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
      parameters: {
        stepresult: {
          valueFrom: {
            expression: exprText`${body.refs.flipCoinStep.outputs.result} == 'heads' ? ${body.refs.headsStep.outputs.result} : ${body.refs.tailsStep.outputs.result}`,
          },
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
    source: `print("heads")
`,
  },
});

const tails = template('tails', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `print("tails")
`,
  },
});

export default workflow({
  metadata: {
    generateName: 'conditional-parameter-',
    annotations: {
      'workflows.argoproj.io/description': `Conditional parameters provide a way to choose the output parameters based on expression.

In this example the step template has two steps which will run conditionally on \`when\`.

Based on that condition, one of step will not be executed. The step template's output parameter will be
set from the executed step's output.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
