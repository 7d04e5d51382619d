import { describe, expectTypeOf, it } from 'vitest';
import { echo, extract, train } from '../../test/fixtures/components.ts';
import { features } from '../../test/fixtures/pipelines.ts';
import {
  eq,
  param,
  pipeline,
  type ArtifactPort,
  type ArtifactRef,
  type ParamPort,
  type ParamRef,
  type PipelineTask,
  type PvcClaim,
  type Task,
} from '../index.ts';

describe('typed wiring through a nested pipeline', () => {
  it('a pipeline exposes the ports of what its build function returns', () => {
    expectTypeOf(features.outputs).toEqualTypeOf<{
      readonly table: ArtifactPort<'Dataset'>;
      readonly auc: ParamPort<number>;
    }>();
    const nothing = pipeline('nothing', {}, (p) => {
      p.task('e', extract, { date: 'd' });
    });
    expectTypeOf(nothing.outputs).toEqualTypeOf<{}>();
  });

  it('a task running a pipeline has the pipeline outputs as typed references', () => {
    pipeline('outer', { params: { day: param.string() } }, (p, params) => {
      const f = p.subPipeline('features', features, { date: params.day });
      expectTypeOf(f).toEqualTypeOf<
        PipelineTask<{ readonly table: ArtifactPort<'Dataset'>; readonly auc: ParamPort<number> }>
      >();
      expectTypeOf(f.outputs.table).toEqualTypeOf<ArtifactRef<'Dataset'>>();
      expectTypeOf(f.outputs.auc).toEqualTypeOf<ParamRef<number>>();
      p.task('train-again', train, { dataset: f.outputs.table, learningRate: f.outputs.auc });
      p.task('wrong-kind', train, {
        // @ts-expect-error a Dataset output is not a Model
        dataset: p.task('m', train, { dataset: f.outputs.table, learningRate: 1 }).outputs.model,
        learningRate: 1,
      });
      // @ts-expect-error auc is a number, the echo input a string
      p.task('wrong-type', echo, { text: f.outputs.auc });
    });
  });

  it("the called pipeline's parameters are the arguments: required, defaulted and unknown", () => {
    pipeline('args', {}, (p) => {
      p.subPipeline('ok', features, { date: '2024-01-01' });
      p.subPipeline('ok-lr', features, { date: '2024-01-01', lr: 0.5 });
      // @ts-expect-error date is required
      p.subPipeline('missing', features, {});
      // @ts-expect-error date is a string
      p.subPipeline('wrong', features, { date: 1 });
      // @ts-expect-error there is no parameter "day"
      p.subPipeline('unknown', features, { date: 'd', day: 'x' });
      const fromVariable = { date: 'd', day: 'x' };
      // @ts-expect-error Property '"day is not a parameter of this pipeline"' is missing
      p.subPipeline('unknown-variable', features, fromVariable);
    });
  });

  it('a pipeline task has no container settings', () => {
    pipeline('no-container', {}, (p) => {
      const f = p.subPipeline('features', features, { date: 'd' });
      f.after(p.task('e', extract, { date: 'd' })).displayName('Features');
      // @ts-expect-error retries apply to components, not to a called pipeline
      f.retry({ limit: 2 });
      // @ts-expect-error claims are mounted into component tasks
      f.mount('claim', '/data');
    });
  });

  it('a component task is still a Task', () => {
    pipeline('component-task', {}, (p) => {
      expectTypeOf(p.task('e', extract, { date: 'd' })).toEqualTypeOf<Task<typeof extract.outputs>>();
    });
  });
});

describe('typed p.oneOf()', () => {
  it('gathers values of one type into a reference of that type', () => {
    pipeline('one-of', {}, (p) => {
      const e = p.task('e', extract, { date: 'd' });
      const a = p.task('a', echo, { text: 'a' });
      const b = p.task('b', echo, { text: 'b' });
      p.when(eq(e.outputs.rows, 0), () => undefined).otherwise(() => undefined);
      expectTypeOf(p.oneOf(a.outputs.out, b.outputs.out)).toEqualTypeOf<ParamRef<string>>();
      expectTypeOf(p.oneOf(e.outputs.table, e.outputs.table)).toEqualTypeOf<ArtifactRef<'Dataset'>>();
      // @ts-expect-error a string and a number cannot be one value
      p.oneOf(a.outputs.out, e.outputs.rows);
      // @ts-expect-error a parameter and an artifact cannot be one value
      p.oneOf(a.outputs.out, e.outputs.table);
      // @ts-expect-error one value per branch, at least two
      p.oneOf(a.outputs.out);
    });
  });
});

describe('typed claims', () => {
  it('createPvc returns a claim whose name is a string and which tasks can mount', () => {
    pipeline('claims', { params: { existing: param.string() } }, (p, params) => {
      const claim = p.createPvc('scratch', { nameSuffix: '-scratch', size: '1Gi', accessModes: ['ReadWriteOnce'] });
      expectTypeOf(claim).toEqualTypeOf<PvcClaim>();
      expectTypeOf(claim.outputs.name).toEqualTypeOf<ParamRef<string>>();
      p.task('w', echo, { text: claim.outputs.name })
        .mount(claim, '/data')
        .mount(params.existing, '/existing')
        .mount('feature-store', '/fs');
      // @ts-expect-error not an access mode
      p.createPvc('bad-mode', { nameSuffix: '-x', size: '1Gi', accessModes: ['ReadWriteSometimes'] });
      // @ts-expect-error a number parameter is not a claim name
      p.task('bad-claim', echo, { text: 'x' }).mount(p.task('n', extract, { date: 'd' }).outputs.rows, '/data');
      // @ts-expect-error a deletion is not a claim
      p.task('w2', echo, { text: 'x' }).mount(p.deletePvc('drop', claim), '/data');
    });
  });
});
