import { eq, param, pipeline, type Task } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const flipThreeSidedDie = pythonFunction('flip-three-sided-die', { outputs: { Output: param.string() } });
const printAndReturn = pythonFunction('print-and-return', {
  inputs: { text: param.string() },
  outputs: { Output: param.string() },
});
const specialPrintAndReturn = pythonFunction('special-print-and-return', {
  inputs: { text: param.string() },
  outputs: { output_key: param.string() },
});

type Printed = Task<{ readonly Output: ReturnType<typeof param.string> }>;

/** The SDK's dsl.If/Elif/Else with dsl.OneOf, inside a pipeline that another pipeline runs as a task. */
const rollDiePipeline = pipeline('roll-die-pipeline', {}, (p) => {
  const die = p.task('flip-three-sided-die', flipThreeSidedDie);
  let heads!: Printed;
  let tails!: Printed;
  let draw!: Task<{ readonly output_key: ReturnType<typeof param.string> }>;
  p.when(eq(die.outputs.Output, 'heads'), (p) => {
    heads = p.task('print-and-return', printAndReturn, { text: 'Got heads!' });
  })
    .elseWhen(eq(die.outputs.Output, 'tails'), (p) => {
      tails = p.task('print-and-return-2', printAndReturn, { text: 'Got tails!' });
    })
    .otherwise((p) => {
      draw = p.task('special-print-and-return', specialPrintAndReturn, { text: 'Draw!' });
    });
  return { Output: p.oneOf(heads.outputs.Output, tails.outputs.Output, draw.outputs.output_key) };
});

export default {
  upstream: 'sdk/if_elif_else_with_oneof_parameters.yaml',
  pipeline: pipeline('outer-pipeline', {}, (p) => {
    const roll = p.subPipeline('roll-die-pipeline', rollDiePipeline);
    const printed = p.task('print-and-return', printAndReturn, { text: roll.outputs.Output });
    return { Output: printed.outputs.Output };
  }),
} satisfies EquivalenceCase;
