import { describe, expectTypeOf, it } from 'vitest';
import {
  artifact,
  component,
  eq,
  param,
  pipeline,
  runtime,
  schedule,
  type ArgsOf,
  type ArtifactRef,
  type ParamRef,
  type ParamValues,
} from '../index.ts';

const extract = component('extract', {
  image: 'ghcr.io/acme/extract:1.0.0',
  inputs: { date: param.string() },
  outputs: { table: artifact('Dataset'), rows: param.int() },
  command: (io) => ['extract', io.inputs.date, io.outputs.table.path, io.outputs.rows.path],
});

const train = component('train', {
  image: 'ghcr.io/acme/train:1.0.0',
  inputs: { dataset: artifact('Dataset'), learningRate: param.float(), maxDepth: param.int().default(6) },
  outputs: { model: artifact('Model'), auc: param.float() },
  command: (io) => ['train', io.inputs.dataset.path, `--lr=${io.inputs.learningRate}`, io.outputs.model.path],
});

describe('typed wiring', () => {
  it('task outputs are typed references', () => {
    pipeline('typed-outputs', { params: { date: param.string() } }, (p, params) => {
      const e = p.task('extract', extract, { date: params.date });
      expectTypeOf(e.outputs.table).toEqualTypeOf<ArtifactRef<'Dataset'>>();
      expectTypeOf(e.outputs.rows).toEqualTypeOf<ParamRef<number>>();
      expectTypeOf(params.date).toEqualTypeOf<ParamRef<string>>();
    });
  });

  it('arguments: required ports are required, defaulted ports optional', () => {
    expectTypeOf<ArgsOf<typeof train.inputs>>().toEqualTypeOf<{
      dataset: ArtifactRef<'Dataset'>;
      learningRate: number | ParamRef<number>;
      maxDepth?: number | ParamRef<number>;
    }>();
  });

  it('a Model cannot be passed to a Dataset input', () => {
    pipeline('model-into-dataset', {}, (p) => {
      const e = p.task('extract', extract, { date: '2026-01-01' });
      const t = p.task('train', train, { dataset: e.outputs.table, learningRate: 0.1 });
      // @ts-expect-error Type 'ArtifactRef<"Model">' is not assignable to type 'ArtifactRef<"Dataset">'
      p.task('retrain', train, { dataset: t.outputs.model, learningRate: 0.1 });
    });
  });

  it('a misspelt output name does not compile', () => {
    pipeline('misspelt-output', {}, (p) => {
      const t = p.task('extract', extract, { date: '2026-01-01' });
      // @ts-expect-error Property 'tabel' does not exist
      void t.outputs.tabel;
    });
  });

  it('an unknown argument does not compile', () => {
    pipeline('unknown-argument', {}, (p) => {
      const e = p.task('extract', extract, { date: '2026-01-01' });
      // @ts-expect-error Object literal may only specify known properties: 'learnRate'
      p.task('train', train, { dataset: e.outputs.table, learningRate: 0.1, learnRate: 0.1 });
    });
  });

  it('an unknown argument does not compile when the arguments come from a variable', () => {
    pipeline('unknown-argument-variable', {}, (p) => {
      const e = p.task('extract', extract, { date: '2026-01-01' });
      const args = { dataset: e.outputs.table, learningRate: 0.1, learnRate: 0.1 };
      // @ts-expect-error Property '"learnRate is not an input of this component"' is missing
      p.task('train', train, args);
      // @ts-expect-error the exit handler checks its arguments the same way
      p.onExit('notify', extract, { date: 'd', day: 'x' } as { date: string; day: string });
      const exact = { dataset: e.outputs.table, learningRate: 0.1 };
      const t = p.task('train-ok', train, exact);
      expectTypeOf(t.outputs.auc).toEqualTypeOf<ParamRef<number>>();
      const withDefault: { dataset: ArtifactRef<'Dataset'>; learningRate: number; maxDepth?: number } = {
        ...exact,
        maxDepth: 3,
      };
      p.task('train-optional', train, withDefault);
    });
  });

  it('a missing required argument does not compile', () => {
    pipeline('missing-argument', {}, (p) => {
      const e = p.task('extract', extract, { date: '2026-01-01' });
      // @ts-expect-error Property 'learningRate' is missing
      p.task('train', train, { dataset: e.outputs.table });
      // @ts-expect-error Expected 3 arguments: a component with required inputs needs an argument object
      p.task('extract-again', extract);
    });
  });

  it('a wrong parameter type does not compile, for literals and for references', () => {
    pipeline('wrong-type', { params: { lr: param.string() } }, (p, params) => {
      const e = p.task('extract', extract, { date: '2026-01-01' });
      // @ts-expect-error Type 'string' is not assignable to type 'number | ParamRef<number>'
      p.task('train', train, { dataset: e.outputs.table, learningRate: '0.1' });
      // @ts-expect-error Type 'ParamRef<string>' is not assignable to type 'number | ParamRef<number>'
      p.task('train2', train, { dataset: e.outputs.table, learningRate: params.lr });
      // @ts-expect-error an artifact is not a parameter
      p.task('extract2', extract, { date: e.outputs.table });
    });
  });

  it('enum ports narrow the accepted literals', () => {
    const pick = component('pick', {
      image: 'busybox:1.36',
      inputs: { split: param.string().enum(['train', 'test']) },
      command: ['true'],
    });
    pipeline('enum-port', {}, (p) => {
      p.task('ok', pick, { split: 'train' });
      // @ts-expect-error '"validation"' is not assignable to '"train" | "test"'
      p.task('bad', pick, { split: 'validation' });
    });
  });

  it('conditions compare values of the same type', () => {
    pipeline('typed-conditions', {}, (p) => {
      const e = p.task('extract', extract, { date: '2026-01-01' });
      p.when(eq(e.outputs.rows, 0), () => undefined);
      // @ts-expect-error a number output cannot be compared with a string
      p.when(eq(e.outputs.rows, 'zero'), () => undefined);
    });
  });

  it('loops collect typed lists', () => {
    pipeline('typed-loop', {}, (p) => {
      const loop = p.forEach('dates', ['2026-01-01', '2026-01-02'], (p, date) => {
        expectTypeOf(date).toEqualTypeOf<ParamRef<string>>();
        const e = p.task('extract', extract, { date });
        return { rows: e.outputs.rows };
      });
      expectTypeOf(loop.outputs.rows).toEqualTypeOf<ParamRef<number[]>>();
      const objects = p.forEach('shards', [{ id: 'a', size: 1 }], (p, shard) => {
        expectTypeOf(shard.id).toEqualTypeOf<ParamRef<string>>();
        p.task('extract-shard', extract, { date: shard.id });
        // @ts-expect-error Property 'name' does not exist on the item
        void shard.name;
      });
      void objects;
    });
  });

  it('schedule arguments are checked against pipeline parameters', () => {
    const pl = pipeline(
      'scheduled',
      { params: { date: param.string(), depth: param.int().default(3) } },
      (p, params) => {
        p.task('extract', extract, { date: params.date });
      },
    );
    expectTypeOf<ParamValues<typeof pl.params>>().toEqualTypeOf<{ date: string; depth?: number }>();
    schedule(pl, { cron: '0 3 * * *', args: { date: runtime.scheduledTime } });
    // @ts-expect-error Property 'args' is missing: `date` has no default
    schedule(pl, { cron: '0 3 * * *' });
    // @ts-expect-error 'dat' does not exist in the arguments
    schedule(pl, { cron: '0 3 * * *', args: { date: 'x', dat: 'y' } });
  });
});
