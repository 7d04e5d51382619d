import { expectTypeOf, test } from 'vitest';
import { component } from '../../dsl/pipeline/component.ts';
import { pipeline } from '../../dsl/pipeline/pipeline.ts';
import { param } from '../../dsl/pipeline/ports.ts';
import type { ArgosyClient } from './client.ts';
import type { Run } from './run.ts';

const fit = component('fit', { image: 'python:3.12-slim', inputs: { date: param.string() }, command: ['true'] });
const training = pipeline(
  'training',
  {
    params: {
      snapshotDate: param.string(),
      learningRate: param.float().default(0.05),
      trees: param.int().default(200),
      split: param
        .string()
        .enum(['train', 'test'] as const)
        .default('train'),
      dryRun: param.bool().default(false),
    },
  },
  (p, params) => {
    p.task('fit', fit, { date: params.snapshotDate });
  },
);
const noParams = pipeline('no-params', {}, (p) => {
  p.task('fit', fit, { date: 'x' });
});

declare const client: ArgosyClient;

test('GIVEN a pipeline THEN submit args are typed from its params', () => {
  // GIVEN correct args THEN it compiles and returns a Run
  expectTypeOf(client.submit(training, { environment: 'staging', args: { snapshotDate: '2026-12-01' } })).toEqualTypeOf<
    Promise<Run>
  >();
  void client.submit(training, {
    args: { snapshotDate: '2026-12-01', learningRate: 0.1, trees: 10, split: 'test', dryRun: true },
    inline: true,
  });
  void client.submit(noParams, { environment: 'staging' });
  void client.submit(noParams, { args: {} });
  const ok = { snapshotDate: '2026-12-01', trees: 3 };
  void client.submit(training, { args: ok });

  // @ts-expect-error snapshotDate is required
  void client.submit(training, { args: { learningRate: 0.1 } });
  // @ts-expect-error args are required when the pipeline has required params
  void client.submit(training, { environment: 'staging' });
  // @ts-expect-error the pipeline has no parameter learnRate
  void client.submit(training, { args: { snapshotDate: 'x', learnRate: 0.1 } });
  const misspelt = { snapshotDate: 'x', learnRate: 0.1 };
  // @ts-expect-error an unknown key from a variable is an error too
  void client.submit(training, { args: misspelt });
  // @ts-expect-error learningRate is a float, not a string
  void client.submit(training, { args: { snapshotDate: 'x', learningRate: 'fast' } });
  // @ts-expect-error snapshotDate is a string
  void client.submit(training, { args: { snapshotDate: 20261201 } });
  // @ts-expect-error split is one of 'train' | 'test'
  void client.submit(training, { args: { snapshotDate: 'x', split: 'validation' } });
  // @ts-expect-error dryRun is a bool
  void client.submit(training, { args: { snapshotDate: 'x', dryRun: 'yes' } });
  // @ts-expect-error a pipeline without params takes no args
  void client.submit(noParams, { args: { snapshotDate: 'x' } });
});
