import { dag, exprText, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {}, () => {
  const body = dag((d) => {
    const flipCoinTask = d.task('flip-coin', flipCoin);
    const headsTask = d.task('heads', heads, {
      depends: flipCoinTask,
      when: `${flipCoinTask.outputs.result} == heads`,
    });
    const tailsTask = d.task('tails', tails, {
      depends: flipCoinTask,
      when: `${flipCoinTask.outputs.result} == tails`,
    });
    return { flipCoinTask, headsTask, tailsTask };
  });
  return {
    dag: body,
    outputs: {
      artifacts: {
        result: {
          fromExpression: exprText`${body.refs.flipCoinTask.outputs.result} == 'heads' ? ${body.refs.headsTask.outputs.artifacts.result} : ${body.refs.tailsTask.outputs.artifacts.result}`,
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
    generateName: 'dag-conditional-artifacts-',
    annotations: {
      'workflows.argoproj.io/description': `Conditional artifacts provides a way to choose the output artifacts based on an expression.

In this example the DAG template has two tasks which will run conditionall using \`when\`.

Based on the condition one of steps may not execute. The step template output's artifact will be set to the
executed step's output artifacts.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
