import { component, eq, ne, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const printOp1 = pythonFunction('print-op1', { inputs: { msg: param.string() }, outputs: { Output: param.string() } });
const printOp2 = component('print-op2', {
  image: 'alpine:3.20',
  inputs: { msg: param.string() },
  command: (io) => ['echo', io.inputs.msg],
});
const printOp = component('print-op', {
  image: 'alpine:3.20',
  inputs: { msg: param.string() },
  command: (io) => ['echo', io.inputs.msg],
});

/** A called pipeline with its own conditions, run once per loop item. */
const innerPipeline = pipeline('inner-pipeline', { params: { msg: param.string() } }, (p, params) => {
  const first = p.task('print-op1', printOp1, { msg: params.msg });
  p.when(eq(first.outputs.Output, 'Hello'), (p) => {
    p.task('print-op2', printOp2, { msg: 'world' });
  });
  p.when(ne(first.outputs.Output, 'Hello'), (p) => {
    p.task('print-op', printOp, { msg: 'Bye!' });
  });
});

export default {
  upstream: 'sdk/pipeline_in_pipeline_complex.yaml',
  pipeline: pipeline(
    'pipeline-in-pipeline-complex',
    { params: { msg: param.string().default('Hello') } },
    (p, params) => {
      p.task('print-op1', printOp1, { msg: params.msg });
      p.forEach('for-loop-2', ['Hello', 'world!'], (p, item) => {
        p.subPipeline('inner-pipeline', innerPipeline, { msg: item });
      });
    },
  ),
} satisfies EquivalenceCase;
