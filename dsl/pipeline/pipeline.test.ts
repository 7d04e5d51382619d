import { describe, expect, it } from 'vitest';
import { echo, extract, score, train } from '../../test/fixtures/components.ts';
import { and, eq, failed, gt, not, or, param, pipeline, runtime, succeeded, type PipelineBuilder } from '../index.ts';

const build = (fn: (p: PipelineBuilder) => void) => pipeline('p', {}, (p) => fn(p));

describe('pipeline() wiring', () => {
  it('GIVEN references between tasks WHEN built THEN the IR records them as values', () => {
    const pl = pipeline('ctr', { params: { date: param.string(), lr: param.float().default(0.1) } }, (p, params) => {
      const e = p.task('extract', extract, { date: params.date });
      p.task('train', train, { dataset: e.outputs.table, learningRate: params.lr });
    });
    expect(pl.ir.params).toEqual([
      { kind: 'param', name: 'date', type: 'string', optional: false },
      { kind: 'param', name: 'lr', type: 'float', optional: true, default: 0.1 },
    ]);
    expect(pl.ir.body[1]).toMatchObject({
      kind: 'task',
      id: 'train',
      component: 'train',
      args: {
        dataset: { kind: 'taskOutput', task: 'extract', output: 'table' },
        learningRate: { kind: 'pipelineParam', name: 'lr' },
      },
    });
    expect(pl.ir.components.map((c) => c.name)).toEqual(['extract', 'train']);
  });

  it('GIVEN a template literal with references THEN it becomes a concatenation', () => {
    const pl = pipeline('concat', { params: { date: param.string() } }, (p, params) => {
      p.task('echo', echo, { text: `data for ${params.date} in ${runtime.workflowName}` });
    });
    expect((pl.ir.body[0] as { args: Record<string, unknown> }).args.text).toEqual({
      kind: 'concat',
      parts: [
        { kind: 'literal', value: 'data for ' },
        { kind: 'pipelineParam', name: 'date' },
        { kind: 'literal', value: ' in ' },
        { kind: 'runtime', name: 'workflowName' },
      ],
    });
  });

  it('GIVEN a duplicate task id THEN the error names the pipeline and the id', () => {
    expect(() =>
      build((p) => {
        p.task('a', echo, { text: 'x' });
        p.task('a', echo, { text: 'y' });
      }),
    ).toThrow(
      'pipeline "p" > task "a": duplicate id: a task, loop or condition named "a" already exists (got "a"). Give every task and loop of a pipeline its own id.',
    );
  });

  it('GIVEN an invalid task id THEN it is rejected with a suggestion', () => {
    expect(() => build((p) => p.task('Train_Model', echo, { text: 'x' }))).toThrow(
      /task id is not a valid DNS-1123 label \(got "Train_Model"\)\. .*"train-model"/,
    );
  });

  it('GIVEN .after() closing a cycle THEN the cycle is reported', () => {
    expect(() =>
      build((p) => {
        const a = p.task('a', echo, { text: 'x' });
        const b = p.task('b', echo, { text: a.outputs.out });
        a.after(b);
      }),
    ).toThrow(/tasks depend on each other in a cycle \(got "a -> b -> a"\)/);
  });

  it('GIVEN JavaScript callers passing bad arguments THEN runtime checks catch what the types would', () => {
    const anyTask = (p: PipelineBuilder, args: unknown) =>
      (p.task as (id: string, c: unknown, a: unknown) => unknown)('t', train, args);
    expect(() =>
      build((p) => {
        const e = p.task('e', extract, { date: 'd' });
        const t = p.task('x', train, { dataset: e.outputs.table, learningRate: 1 });
        anyTask(p, { dataset: t.outputs.model, learningRate: 1 });
      }),
    ).toThrow(
      'pipeline "p" > task "t" > input "dataset": expected artifact Dataset (got "Model"). Pass an output declared as artifact(\'Dataset\').',
    );
    expect(() => build((p) => anyTask(p, { learningRate: 1 }))).toThrow(/input "dataset": required input is missing/);
    expect(() =>
      build((p) => {
        const e = p.task('e', extract, { date: 'd' });
        anyTask(p, { dataset: e.outputs.table, learningRate: 1, learnRate: 2 });
      }),
    ).toThrow(
      /input "learnRate": component "train" has no input "learnRate" .*Use one of: dataset, learningRate, maxDepth/,
    );
    expect(() =>
      build((p) => {
        const e = p.task('e', extract, { date: 'd' });
        anyTask(p, { dataset: e.outputs.table, learningRate: 'fast' });
      }),
    ).toThrow(/input "learningRate": expected float \(got "fast"\)/);
    expect(() =>
      build((p) => {
        const e = p.task('e', extract, { date: 'd' });
        anyTask(p, { dataset: e.outputs.table, learningRate: 1, maxDepth: 2.5 });
      }),
    ).toThrow(/input "maxDepth": expected an integer \(got 2.5\)/);
  });

  it('GIVEN a reference from another pipeline THEN it is an unknown reference', () => {
    let foreign: unknown;
    pipeline('other', {}, (p) => {
      foreign = p.task('e', extract, { date: 'd' }).outputs.table;
    });
    expect(() => build((p) => p.task('t', train, { dataset: foreign as never, learningRate: 1 }))).toThrow(
      /reference belongs to a different pipeline/,
    );
  });

  it('GIVEN a pipeline without tasks THEN it is rejected', () => {
    expect(() => build(() => undefined)).toThrow(/pipeline has no tasks/);
  });
});

describe('conditions', () => {
  it('GIVEN when/elseWhen/otherwise THEN the branches are kept in order', () => {
    const pl = build((p) => {
      const e = p.task('e', extract, { date: 'd' });
      p.when(gt(e.outputs.rows, 100), (p) => {
        p.task('big', echo, { text: 'big' });
      })
        .elseWhen(gt(e.outputs.rows, 0), (p) => {
          p.task('small', echo, { text: 'small' });
        })
        .otherwise((p) => {
          p.task('empty', echo, { text: 'empty' });
        });
    });
    const cond = pl.ir.body[1];
    expect(cond?.kind).toBe('condition');
    expect((cond as unknown as { branches: unknown[] }).branches).toHaveLength(3);
  });

  it('GIVEN a task reading an output from inside a branch WHEN outside it THEN the error says how to fix it', () => {
    expect(() =>
      build((p) => {
        const e = p.task('e', extract, { date: 'd' });
        let inner: { outputs: { out: unknown } } | undefined;
        p.when(gt(e.outputs.rows, 0), (p) => {
          inner = p.task('inner', echo, { text: 'x' });
        });
        p.task('after', echo, { text: inner?.outputs.out as never });
      }),
    ).toThrow(
      /reads inner\.outputs\.out, which is inside condition branch "condition-1-1" and not visible here .*Move this task into the same p\.when\(\) branch/,
    );
  });

  it('GIVEN status conditions THEN they are kept; mixing status and values inside or() is rejected', () => {
    const pl = build((p) => {
      const t = p.task('t', echo, { text: 'x' });
      p.task('alert', echo, { text: 'failed' }).when(failed(t));
      p.task('ok', echo, { text: 'ok' }).when(and(succeeded(t), eq(t.outputs.out, 'yes')));
    });
    expect(pl.ir.body[1]).toMatchObject({ when: { kind: 'status', task: 't', status: 'Failed' } });
    expect(() =>
      build((p) => {
        const t = p.task('t', echo, { text: 'x' });
        p.task('x', echo, { text: 'y' }).when(or(failed(t), eq(t.outputs.out, 'no')));
      }),
    ).toThrow(/mixes task status and parameter values/);
  });

  it('GIVEN else branches after a mixed condition THEN the negation is rejected', () => {
    expect(() =>
      build((p) => {
        const t = p.task('t', echo, { text: 'x' });
        p.when(and(succeeded(t), eq(t.outputs.out, 'yes')), (p) => {
          p.task('a', echo, { text: 'a' });
        }).otherwise((p) => {
          p.task('b', echo, { text: 'b' });
        });
      }),
    ).toThrow(/cannot negate a condition that mixes task status and parameter values/);
  });

  it('GIVEN comparisons of mismatched types from JavaScript THEN they are rejected', () => {
    expect(() =>
      build((p) => {
        const e = p.task('e', extract, { date: 'd' });
        p.when((gt as (a: unknown, b: unknown) => never)(e.outputs.rows, 'many'), () => undefined);
      }),
    ).toThrow(/cannot compare a number with a string/);
    expect(() =>
      build((p) => {
        const t = p.task('t', echo, { text: 'x' });
        p.when(not((gt as (a: unknown, b: unknown) => never)(t.outputs.out, 'z')), () => undefined);
      }),
    ).toThrow(/">" needs numbers/);
  });
});

describe('loops', () => {
  it('GIVEN a static loop with collected outputs THEN the IR has items, body and collect', () => {
    const pl = build((p) => {
      const t = p.task('t', train, { dataset: p.task('e', extract, { date: 'd' }).outputs.table, learningRate: 0.1 });
      const loop = p.forEach(
        'shards',
        ['a', 'b'],
        (p, shard) => {
          const s = p.task('score', score, { shard, model: t.outputs.model });
          return { rows: s.outputs.rows };
        },
        { parallelism: 2 },
      );
      p.task('sum', echo, { text: `${loop.outputs.rows}` });
    });
    expect(pl.ir.body[2]).toMatchObject({
      kind: 'loop',
      id: 'shards',
      items: { kind: 'static', values: ['a', 'b'] },
      parallelism: 2,
      collect: [{ name: 'rows', task: 'score', output: 'rows' }],
    });
  });

  it('GIVEN a loop item used outside its loop or a loop task read from outside THEN it is rejected', () => {
    expect(() =>
      build((p) => {
        let leaked: unknown;
        p.forEach('l', ['a'], (p, item) => {
          leaked = item;
          p.task('in', echo, { text: item });
        });
        p.task('out', echo, { text: leaked as never });
      }),
    ).toThrow(/item of loop "l", which is inside loop "l" and not visible here/);
    expect(() =>
      build((p) => {
        let inner: { outputs: { out: unknown } } | undefined;
        p.forEach('l', ['a'], (p, item) => {
          inner = p.task('in', echo, { text: item });
        });
        p.task('out', echo, { text: inner?.outputs.out as never });
      }),
    ).toThrow(/Return the value from the body of loop "l"/);
  });

  it('GIVEN a loop body returning something other than a task output THEN it is rejected', () => {
    expect(() =>
      pipeline('p', { params: { d: param.string() } }, (p, params) => {
        p.forEach('l', ['a'], (p, date) => {
          p.task('e', extract, { date });
          return { d: params.d };
        });
      }),
    ).toThrow(/only outputs of tasks in the loop body can be collected/);
  });

  it('GIVEN an empty static list or a non-list THEN it is rejected', () => {
    expect(() => build((p) => p.forEach('l', [], () => undefined))).toThrow(/a static loop needs at least one item/);
    expect(() => build((p) => p.forEach('l', 'abc' as never, () => undefined))).toThrow(/loop items must be a list/);
  });
});

describe('exit handler', () => {
  it('GIVEN onExit with the workflow status THEN it is recorded; task outputs are refused', () => {
    const pl = build((p) => {
      p.task('t', echo, { text: 'x' });
      p.onExit('notify', echo, { text: `finished: ${runtime.workflowStatus}` });
    });
    expect(pl.ir.exitHandler.map((t) => t.id)).toEqual(['notify']);
    expect(() =>
      build((p) => {
        const t = p.task('t', echo, { text: 'x' });
        p.onExit('notify', echo, { text: t.outputs.out });
      }),
    ).toThrow(/the exit handler cannot read task outputs/);
    expect(() => build((p) => p.task('t', echo, { text: runtime.workflowStatus }))).toThrow(
      /runtime\.workflowStatus is only known in the exit handler/,
    );
  });
});
