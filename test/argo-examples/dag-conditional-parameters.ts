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
      parameters: {
        stepresult: {
          valueFrom: {
            expression: exprText`${body.refs.flipCoinTask.outputs.result} == 'heads' ? ${body.refs.headsTask.outputs.result} : ${body.refs.tailsTask.outputs.result}`,
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
    generateName: 'dag-conditional-parameter-',
    annotations: {
      'workflows.argoproj.io/description': `Conditional parameters provide a way to choose the output parameters based on expression.

In this example DAG template has two task which will run conditionally based on \`when\`.

Based on this condition one of task may not execute. The template's output parameter will be set to the
executed taks's output result.
`,
      'workflows.argoproj.io/version': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main },
});
