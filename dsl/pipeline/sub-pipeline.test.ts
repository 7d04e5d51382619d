import { describe, expect, it } from 'vitest';
import { echo, extract } from '../../test/fixtures/components.ts';
import { features } from '../../test/fixtures/pipelines.ts';
import { component, eq, hours, param, pipeline, succeeded, type AnyPipeline } from '../index.ts';
import type { ComponentTaskIR } from '../ir/index.ts';

describe('pipelines as tasks', () => {
  it('GIVEN a pipeline called as a task THEN the IR records the callee, its arguments and its typed outputs', () => {
    const outer = pipeline('outer', { params: { day: param.string() } }, (p, params) => {
      const f = p.subPipeline('features', features, { date: params.day });
      p.task('report', echo, { text: `auc ${f.outputs.auc}` }).after(f);
      return { table: f.outputs.table };
    });
    expect(outer.ir.body[0]).toEqual({
      kind: 'task',
      id: 'features',
      pipeline: 'features',
      args: { date: { kind: 'pipelineParam', name: 'day' } },
      after: [],
      overrides: {},
    });
    expect((outer.ir.body[1] as ComponentTaskIR).args.text).toMatchObject({
      kind: 'concat',
      parts: [
        { kind: 'literal', value: 'auc ' },
        { kind: 'taskOutput', task: 'features', output: 'auc' },
      ],
    });
    expect(outer.ir.pipelines).toEqual([features.ir]);
    expect(outer.ir.components.map((c) => c.name)).toEqual(['echo']);
    expect(features.ir.outputs.map((o) => o.port)).toEqual([
      { kind: 'artifact', name: 'table', artifactType: 'Dataset', optional: false },
      { kind: 'param', name: 'auc', type: 'float', optional: false },
    ]);
    expect(outer.ir.outputs[0]?.port).toEqual({
      kind: 'artifact',
      name: 'table',
      artifactType: 'Dataset',
      optional: false,
    });
  });

  it('GIVEN the same pipeline called twice THEN it is listed once', () => {
    const outer = pipeline('twice', {}, (p) => {
      p.subPipeline('a', features, { date: 'a' });
      p.subPipeline('b', features, { date: 'b' });
    });
    expect(outer.ir.pipelines?.map((x) => x.name)).toEqual(['features']);
  });

  it("GIVEN a called pipeline in a condition THEN its outputs are scoped like a task's", () => {
    expect(() =>
      pipeline('scoped', {}, (p) => {
        const e = p.task('e', extract, { date: 'd' });
        let inner: { outputs: { auc: unknown } } | undefined;
        p.when(eq(e.outputs.rows, 0), (p) => {
          inner = p.subPipeline('f', features, { date: 'x' });
        });
        p.task('r', echo, { text: `${inner?.outputs.auc}` });
      }),
    ).toThrow(/reads f\.outputs\.auc, which is inside condition branch "condition-1-1" and not visible here/);
  });

  it('GIVEN a status condition on a called pipeline THEN it is accepted like a task', () => {
    const outer = pipeline('status', {}, (p) => {
      const f = p.subPipeline('f', features, { date: 'x' });
      p.task('after', echo, { text: 'done' }).when(succeeded(f));
    });
    expect((outer.ir.body[1] as ComponentTaskIR).when).toEqual({ kind: 'status', task: 'f', status: 'Succeeded' });
  });

  it("GIVEN a wrong, missing or unknown argument THEN the error names the called pipeline's parameter", () => {
    const call = (args: unknown) =>
      pipeline('bad-args', {}, (p) => {
        (p.subPipeline as (id: string, c: AnyPipeline, a: unknown) => unknown)('f', features, args);
      });
    expect(() => call({ date: 1 })).toThrow(
      'pipeline "bad-args" > task "f" > input "date": expected string (got 1). Pass a string literal or a reference to a string parameter.',
    );
    expect(() => call({})).toThrow(/input "date": required input is missing/);
    expect(() => call({ date: 'x', day: 'y' })).toThrow(
      'pipeline "bad-args" > task "f" > input "day": pipeline "features" has no parameter "day" (got "y"). Use one of: date, lr.',
    );
  });

  it('GIVEN a pipeline passed to p.task() THEN the error points to p.subPipeline()', () => {
    expect(() =>
      pipeline('wrong-method', {}, (p) => {
        p.task('f', features as never, {} as never);
      }),
    ).toThrow(
      'pipeline "wrong-method" > task "f": expected a component but got a pipeline (got "features"). Run a pipeline as a step with p.subPipeline(id, pipeline, args).',
    );
  });

  it('GIVEN a callee with run-wide settings or an exit handler THEN it is refused with the setting named', () => {
    const timed = pipeline('timed', { timeout: hours(1), serviceAccount: 'ml' }, (p) => {
      p.task('x', echo, { text: 'x' });
    });
    expect(() =>
      pipeline('caller', {}, (p) => {
        p.subPipeline('t', timed);
      }),
    ).toThrow(
      /pipeline "timed" sets timeout, serviceAccount, which apply to a whole run.*Set them on the calling pipeline/,
    );
    const exiting = pipeline('exiting', {}, (p) => {
      p.task('x', echo, { text: 'x' });
      p.onExit('bye', echo, { text: 'bye' });
    });
    expect(() =>
      pipeline('caller2', {}, (p) => {
        p.subPipeline('t', exiting);
      }),
    ).toThrow(/pipeline "exiting" has an exit handler/);
  });

  it('GIVEN a callee that starts other pipelines with p.submit() THEN it is refused (submitting needs its own deployment)', () => {
    const retrain = pipeline('retrain', {}, (p) => {
      p.task('x', echo, { text: 'x' });
    });
    const watcher = pipeline('watcher', {}, (p) => {
      p.submit('go', retrain);
    });
    expect(() =>
      pipeline('caller3', {}, (p) => {
        p.subPipeline('w', watcher);
      }),
    ).toThrow(
      'pipeline "caller3" > task "w": pipeline "watcher" starts other pipelines with p.submit(), which needs a deployment (and service account) of its own (got "watcher"). Call p.submit() from the calling pipeline instead.',
    );
  });

  it('GIVEN name clashes across the call tree THEN they are refused before any backend runs', () => {
    const otherEcho = component('echo', {
      image: 'busybox:1.37',
      inputs: { text: param.string() },
      command: (io) => ['echo', io.inputs.text],
    });
    const inner = pipeline('inner', {}, (p) => {
      p.task('x', otherEcho, { text: 'x' });
    });
    expect(() =>
      pipeline('clash', {}, (p) => {
        p.task('a', echo, { text: 'a' });
        p.subPipeline('b', inner);
      }),
    ).toThrow(/two different components are named "echo"/);
    const named = component('features', { image: 'busybox:1.36', command: ['true'] });
    expect(() =>
      pipeline('clash2', {}, (p) => {
        p.subPipeline('f', features, { date: 'x' });
        p.task('c', named);
      }),
    ).toThrow(/a component and a pipeline are both named "features"/);
    const self = pipeline('self', {}, (p) => {
      p.task('x', echo, { text: 'x' });
    });
    expect(() =>
      pipeline('self', {}, (p) => {
        p.subPipeline('x', self);
      }),
    ).toThrow(/pipeline "self" cannot run a pipeline with its own name/);
  });

  it('GIVEN a pipeline returning an output from inside a condition THEN the error offers p.oneOf()', () => {
    expect(() =>
      pipeline('inside', {}, (p) => {
        const e = p.task('e', extract, { date: 'd' });
        let out: unknown;
        p.when(eq(e.outputs.rows, 0), (p) => {
          out = p.task('x', echo, { text: 'x' }).outputs.out;
        });
        return { out } as never;
      }),
    ).toThrow(/pipeline outputs must come from top-level tasks, loops or conditions .*p\.oneOf\(\)/);
  });
});
