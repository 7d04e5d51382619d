import { completed, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const failOp = pythonFunction('fail-op', { inputs: { message: param.string() }, outputs: { Output: param.string() } });
const printOp = pythonFunction('print-op', { inputs: { message: param.string().default('default') } });

export default {
  upstream: 'sdk/pipeline_with_task_using_ignore_upstream_failure.yaml',
  pipeline: pipeline('my-pipeline', { params: { sample_input: param.string().default('message') } }, (p, params) => {
    const fail = p.task('fail-op', failOp, { message: params.sample_input });
    p.task('print-op', printOp, { message: fail.outputs.Output }).when(completed(fail));
  }),
} satisfies EquivalenceCase;
