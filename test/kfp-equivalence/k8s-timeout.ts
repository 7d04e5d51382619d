import { pipeline, seconds } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', { timeout: seconds(20) });

export default {
  upstream: 'kubernetes/timeout.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
