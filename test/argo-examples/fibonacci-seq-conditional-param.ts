import { exprText, steps, template, type Template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { num: '5' } });

const main = template('main', {
  steps: steps((s) => {
    const fibonaccimain = s.step('fibonaccimain', fibonacci, {
      arguments: { parameters: { num: args.parameters.num } },
    });
    s.step('printresult', printresult, {
      arguments: { parameters: { result: fibonaccimain.outputs.parameters.fib } },
    });
  }),
});

const fibonacci: Template<{ parameters: { num: {} } }, { parameters: { fib: {} } }> = template(
  'fibonacci',
  { inputs: { parameters: { num: {} } } },
  ({ inputs }) => {
    const body = steps((s) => {
      const fibonacciHelper = s.step('fibonacci-helper', fibonaccihelper, {
        when: `${inputs.parameters.num} != 1 && ${inputs.parameters.num} != 2`,
        arguments: { parameters: { 'num-1': inputs.parameters.num } },
      });
      return { fibonacciHelper };
    });
    return {
      memoize: { key: inputs.parameters.num, maxAge: '120s', cache: { configMap: { name: 'fibonacci-m' } } },
      steps: body,
      outputs: {
        parameters: {
          fib: {
            valueFrom: {
              expression: exprText`asInt(${inputs.parameters.num}) == 1? 1: asInt(${inputs.parameters.num}) == 2? 1: ${body.refs.fibonacciHelper.outputs.parameters.result}`,
            },
          },
        },
      },
    };
  },
);

const fibonaccihelper: Template<{ parameters: { 'num-1': {} } }, { parameters: { result: {} } }> = template(
  'fibonaccihelper',
  { inputs: { parameters: { 'num-1': {} } } },
  ({ inputs }) => {
    const body = steps((s) => {
      const sub1 = s.step('sub-1', doMath, {
        arguments: { parameters: { a: inputs.parameters['num-1'], op: '-', b: '1' } },
      });
      const sub2 = s.step('sub-2', doMath, {
        when: `${inputs.parameters['num-1']} != 1 && ${inputs.parameters['num-1']} != 2`,
        arguments: { parameters: { a: inputs.parameters['num-1'], op: '-', b: '2' } },
      });
      const fibSub1 = s.step('fib-sub-1', fibonacci, { arguments: { parameters: { num: sub1.outputs.result } } });
      const fibSub2 = s.step('fib-sub-2', fibonacci, { arguments: { parameters: { num: sub2.outputs.result } } });
      const add = s.step('add', doMath, {
        arguments: { parameters: { a: fibSub1.outputs.parameters.fib, op: '+', b: fibSub2.outputs.parameters.fib } },
      });
      return { add };
    });
    return {
      steps: body,
      outputs: { parameters: { result: { valueFrom: { parameter: body.refs.add.outputs.result } } } },
    };
  },
);

const return1 = template('return-1', {
  script: { image: 'python:alpine3.23', command: ['python'], source: 'print(1)' },
});

const doMath = template('do-math', { inputs: { parameters: { a: {}, op: {}, b: {} } } }, ({ inputs }) => ({
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `print(${inputs.parameters.a} ${inputs.parameters.op} ${inputs.parameters.b})
`,
  },
}));

const printresult = template('printresult', { inputs: { parameters: { result: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['sh', '-c'], args: [`echo ${inputs.parameters.result}`] },
}));

export default workflow({
  metadata: {
    generateName: 'fibonacci-',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/description': `This example demonstrates fibonacci sequence problem using conditional parameter feature.
`,
      'workflows.argoproj.io/veriiony': '>= 3.1.0',
    },
  },
  spec: { entrypoint: main, arguments: args, templates: [return1] },
});
