import { param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

interface Pair {
  A_a: string;
  B_b: string;
}
const argsGenerator = pythonFunction('args-generator-op', { outputs: { Output: param.list<Pair>() } });
const printText = pythonFunction('print-text', { inputs: { msg: param.string() } });
const printStruct = pythonFunction('print-struct', { inputs: { struct: param.json<Pair>() } });

export default {
  upstream: 'sdk/pipeline_with_loops.yaml',
  pipeline: pipeline(
    'pipeline-with-loops',
    { params: { loop_parameter: param.list<string>().default(['a', 'b']) } },
    (p, params) => {
      const generated = p.task('args-generator-op', argsGenerator);
      p.forEach('for-loop-1', params.loop_parameter, (p, item) => {
        p.task('print-text', printText, { msg: item });
      });
      p.forEach('for-loop-2', generated.outputs.Output, (p, item) => {
        p.task('print-struct', printStruct, { struct: item });
        p.task('print-text-2', printText, { msg: item.A_a });
        p.task('print-text-3', printText, { msg: item.B_b });
      });
      p.forEach(
        'for-loop-4',
        [
          { A_a: '1', B_b: '2' },
          { A_a: '10', B_b: '20' },
        ],
        (p, item) => {
          p.task('print-struct-2', printStruct, { struct: item });
          p.task('print-text-4', printText, { msg: item.A_a });
          p.task('print-text-5', printText, { msg: item.B_b });
        },
      );
    },
  ),
} satisfies EquivalenceCase;
