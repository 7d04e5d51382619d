import { expectTypeOf, test } from 'vitest';
import { component } from './component.ts';
import { pipeline } from './pipeline.ts';
import { param } from './ports.ts';
import type { Submission } from './submit.ts';

const noop = component('noop', { image: 'python:3.12-slim', inputs: { date: param.string() }, command: ['true'] });
const training = pipeline(
  'training',
  { params: { snapshotDate: param.string(), learningRate: param.float().default(0.05) } },
  (p, params) => {
    p.task('fit', noop, { date: params.snapshotDate });
  },
);
const noParams = pipeline('no-params', {}, (p) => {
  p.task('fit', noop, { date: 'x' });
});

test('submit arguments are typed against the target pipeline parameters', () => {
  pipeline('drift', { params: { day: param.string(), rate: param.float() } }, (p, params) => {
    expectTypeOf(p.submit('ok', training, { snapshotDate: params.day })).toEqualTypeOf<Submission>();
    p.submit('with-optional', training, { snapshotDate: '2026-01-01', learningRate: params.rate });
    p.submit('none-needed', noParams);
    // @ts-expect-error snapshotDate is required
    p.submit('missing', training, { learningRate: 0.1 });
    // @ts-expect-error the pipeline has no parameter learnRate
    p.submit('unknown', training, { snapshotDate: 'x', learnRate: 0.1 });
    const args = { snapshotDate: 'x', learnRate: 0.1 };
    // @ts-expect-error Property '"learnRate is not a parameter of this pipeline"' is missing
    p.submit('unknown-variable', training, args);
    // @ts-expect-error learningRate is a float
    p.submit('wrong-type', training, { snapshotDate: 'x', learningRate: 'fast' });
    // @ts-expect-error a float reference cannot feed a string parameter
    p.submit('wrong-ref', training, { snapshotDate: params.rate });
    // @ts-expect-error arguments are required when the target has required parameters
    p.submit('no-args', training);
  });
});
