import { eq, gt, lt, param, pipeline, type ParamPort, type PipelineBuilder, type Task } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const int0To9999 = pythonFunction('int-0-to-9999', { outputs: { Output: param.int() }, cache: false });
const isEvenOrOdd = pythonFunction('is-even-or-odd', {
  inputs: { num: param.int() },
  outputs: { Output: param.string() },
});
const printAndReturn = pythonFunction('print-and-return', {
  inputs: { text: param.string() },
  outputs: { Output: param.string() },
});
const printInts = pythonFunction('print-ints', { inputs: { ints: param.list<number>() } });

type Printed = Task<{ readonly Output: ParamPort<string> }>;

/**
 * If/Elif/Else inside a loop, each numeric branch with its own If/Else merged by OneOf, the Else
 * branch with a nested condition and loop, and the loop's random numbers collected afterwards.
 */
export default {
  upstream: 'sdk/if_elif_else_complex.yaml',
  pipeline: pipeline(
    'lucky-number-pipeline',
    {
      params: {
        add_drumroll: param.bool().default(true),
        repeat_if_lucky_number: param.bool().default(true),
        trials: param.list<number>().default([1, 2, 3]),
      },
    },
    (p, params) => {
      const trials = p.forEach('for-loop-1', params.trials, (p, trial) => {
        p.when(eq(params.add_drumroll, true), (p) => {
          p.when(eq(trial, 3), (p) => {
            p.task('print-and-return', printAndReturn, { text: 'Adding drumroll on last trial!' });
          });
        });
        const n = p.task('int-0-to-9999', int0To9999);
        /** An even/odd If/Else on the number, merged with OneOf and printed. */
        const evenOdd = (
          p: PipelineBuilder,
          suffix: string,
          even: string,
          odd: string,
          evenText: string,
          oddText: string,
          printed: string,
        ): void => {
          const parity = p.task(`is-even-or-odd${suffix}`, isEvenOrOdd, { num: n.outputs.Output });
          let a!: Printed;
          let b!: Printed;
          p.when(eq(parity.outputs.Output, 'even'), (p) => {
            a = p.task(even, printAndReturn, { text: evenText });
          }).otherwise((p) => {
            b = p.task(odd, printAndReturn, { text: oddText });
          });
          p.task(printed, printAndReturn, { text: p.oneOf(a.outputs.Output, b.outputs.Output) });
        };
        p.when(lt(n.outputs.Output, 5000), (p) =>
          evenOdd(
            p,
            '',
            'print-and-return-2',
            'print-and-return-3',
            'Got a low even number!',
            'Got a low odd number!',
            'print-and-return-4',
          ),
        )
          .elseWhen(gt(n.outputs.Output, 5000), (p) =>
            evenOdd(
              p,
              '-2',
              'print-and-return-5',
              'print-and-return-6',
              'Got a high even number!',
              'Got a high odd number!',
              'print-and-return-7',
            ),
          )
          .otherwise((p) => {
            p.task('print-and-return-8', printAndReturn, {
              text: 'Announcing: Got the lucky number 5000! A one in 10,000 chance.',
            });
            p.when(eq(params.repeat_if_lucky_number, true), (p) => {
              p.forEach('for-loop-16', [1, 2], (p) => {
                p.task('print-and-return-9', printAndReturn, {
                  text: 'Announcing again: Got the lucky number 5000! A one in 10,000 chance.',
                });
              });
            });
          });
        return { Output: n.outputs.Output };
      });
      p.task('print-ints', printInts, { ints: trials.outputs.Output });
    },
  ),
} satisfies EquivalenceCase;
