import { component, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const printOp1 = pythonFunction('print-op1', { inputs: { msg: param.string() }, outputs: { Output: param.string() } });
const printOp2 = component('print-op2', {
  image: 'alpine:3.20',
  inputs: { msg: param.string() },
  command: (io) => ['echo', io.inputs.msg],
});

/** A pipeline used as a task: its parameter is the task's argument. */
const innerPipeline = pipeline('inner-pipeline', { params: { msg: param.string() } }, (p, params) => {
  const first = p.task('print-op1', printOp1, { msg: params.msg });
  p.task('print-op2', printOp2, { msg: first.outputs.Output });
});

export default {
  upstream: 'sdk/pipeline_in_pipeline.yaml',
  pipeline: pipeline('pipeline-in-pipeline', {}, (p) => {
    p.task('print-op1', printOp1, { msg: 'Hello' });
    p.subPipeline('inner-pipeline', innerPipeline, { msg: 'world' });
  }),
} satisfies EquivalenceCase;
