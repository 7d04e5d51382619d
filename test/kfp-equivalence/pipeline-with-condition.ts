import { eq, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const flipCoin = pythonFunction('flip-coin-op', { outputs: { Output: param.string() }, cache: false });
const printOp = pythonFunction('print-op', { inputs: { msg: param.string() } });

export default {
  upstream: 'sdk/pipeline_with_condition.yaml',
  pipeline: pipeline(
    'single-condition-pipeline',
    { params: { text: param.string().default('condition test') } },
    (p, params) => {
      const flip = p.task('flip-coin-op', flipCoin);
      p.task('print-op', printOp, { msg: flip.outputs.Output });
      p.when(eq(flip.outputs.Output, 'heads'), (p) => {
        const flip2 = p.task('flip-coin-op-2', flipCoin);
        p.task('print-op-2', printOp, { msg: flip2.outputs.Output });
        p.task('print-op-3', printOp, { msg: params.text });
      });
    },
  ),
} satisfies EquivalenceCase;
