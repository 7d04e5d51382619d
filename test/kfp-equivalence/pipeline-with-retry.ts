import { param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const add = pythonFunction('add', {
  inputs: { a: param.float(), b: param.float() },
  outputs: { Output: param.float() },
});

export default {
  upstream: 'sdk/pipeline_with_retry.yaml',
  pipeline: pipeline(
    'test-pipeline',
    { params: { a: param.float().default(1), b: param.float().default(7) } },
    (p, params) => {
      p.task('add', add, { a: params.a, b: params.b }).retry(3);
    },
  ),
} satisfies EquivalenceCase;
