import { expectTypeOf, test } from 'vitest';
import { component, param, pipeline } from '../../dsl/index.ts';
import { runLocal, type LocalRunResult } from './index.ts';

const fit = component('fit', {
  image: 'python:3.12-slim',
  inputs: { date: param.string(), rate: param.float() },
  script: { source: 'print(1)' },
});
const training = pipeline(
  'training',
  {
    params: {
      snapshotDate: param.string(),
      learningRate: param.float().default(0.05),
      stage: param.string().enum(['a', 'b']).default('a'),
    },
  },
  (p, params) => {
    p.task('fit', fit, { date: params.snapshotDate, rate: params.learningRate });
  },
);

test("runLocal's arguments are the pipeline's parameter values, typed as a schedule's", () => {
  expectTypeOf(runLocal(training, { snapshotDate: '2026-01-31' })).toEqualTypeOf<Promise<LocalRunResult>>();
  void runLocal(training, { snapshotDate: '2026-01-31', learningRate: 0.1 });
  // @ts-expect-error snapshotDate is required
  void runLocal(training, { learningRate: 0.1 });
  // @ts-expect-error learningRate is a number
  void runLocal(training, { snapshotDate: '2026-01-31', learningRate: '0.1' });
  // @ts-expect-error no parameter learnRate
  void runLocal(training, { snapshotDate: '2026-01-31', learnRate: 0.1 });
});
