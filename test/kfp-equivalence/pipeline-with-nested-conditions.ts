import { eq, ne, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const flipCoinOp = pythonFunction('flip-coin-op', { outputs: { Output: param.string() } });
const printOp = pythonFunction('print-op', { inputs: { msg: param.string() } });

export default {
  upstream: 'sdk/pipeline_with_nested_conditions.yaml',
  pipeline: pipeline('nested-conditions-pipeline', {}, (p) => {
    const flip1 = p.task('flip-coin-op', flipCoinOp);
    p.task('print-op', printOp, { msg: flip1.outputs.Output });
    const flip2 = p.task('flip-coin-op-2', flipCoinOp);
    p.task('print-op-2', printOp, { msg: flip2.outputs.Output });
    p.when(ne(flip1.outputs.Output, 'no-such-result'), (p) => {
      const flip3 = p.task('flip-coin-op-3', flipCoinOp);
      p.task('print-op-3', printOp, { msg: flip3.outputs.Output });
      p.when(eq(flip2.outputs.Output, flip3.outputs.Output), (p) => {
        const flip4 = p.task('flip-coin-op-4', flipCoinOp);
        p.task('print-op-4', printOp, { msg: flip4.outputs.Output });
      });
    });
  }),
} satisfies EquivalenceCase;
