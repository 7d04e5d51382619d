import { param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const printOp = pythonFunction('print-op', { inputs: { message: param.string() } });
const failOp = pythonFunction('fail-op', { inputs: { message: param.string() } });

export default {
  upstream: 'sdk/pipeline_with_exit_handler.yaml',
  pipeline: pipeline(
    'pipeline-with-exit-handler',
    { params: { message: param.string().default('Hello World!') } },
    (p, params) => {
      p.onExit('print-op', printOp, { message: 'Exit handler has worked!' });
      p.task('print-op-2', printOp, { message: params.message });
      p.task('fail-op', failOp, { message: 'Task failed.' });
    },
  ),
} satisfies EquivalenceCase;
