import { describe, expect, it } from 'vitest';
import { echo, extract, train } from '../../test/fixtures/components.ts';
import { eq, gt, pipeline, type PipelineBuilder, type Task } from '../index.ts';
import type { ComponentTaskIR, ConditionIR } from '../ir/index.ts';

type Echo = Task<typeof echo.outputs>;

/** when/elseWhen/otherwise over extract's row count, one echo per branch; `tail` reads the branches. */
function chain(tail: (p: PipelineBuilder, a: Echo, b: Echo, c: Echo) => unknown, otherwise = true) {
  return pipeline('chain', {}, (p) => {
    const e = p.task('e', extract, { date: 'd' });
    let a!: Echo;
    let b!: Echo;
    let c!: Echo;
    const branches = p
      .when(gt(e.outputs.rows, 100), (p) => {
        a = p.task('big', echo, { text: 'big' });
      })
      .elseWhen(eq(e.outputs.rows, 0), (p) => {
        b = p.task('none', echo, { text: 'none' });
      });
    if (otherwise)
      branches.otherwise((p) => {
        c = p.task('some', echo, { text: 'some' });
      });
    tail(p, a, b, c);
  });
}

describe('p.oneOf()', () => {
  it('GIVEN one output per branch THEN the condition records it and readers get a conditionOutput', () => {
    const pl = chain((p, a, b, c) => {
      const text = p.oneOf(a.outputs.out, b.outputs.out, c.outputs.out);
      p.task('print', echo, { text });
      p.task('again', echo, { text: p.oneOf(a.outputs.out, b.outputs.out, c.outputs.out) });
    });
    const cond = pl.ir.body[1] as ConditionIR;
    expect(cond.outputs).toEqual([
      {
        name: 'oneof-1',
        kind: 'param',
        values: ['big', 'none', 'some'].map((task) => ({ kind: 'taskOutput', task, output: 'out' })),
      },
    ]);
    expect((pl.ir.body[2] as ComponentTaskIR).args.text).toEqual({
      kind: 'conditionOutput',
      condition: 'condition-1',
      output: 'oneof-1',
    });
    expect((pl.ir.body[3] as ComponentTaskIR).args.text).toEqual({
      kind: 'conditionOutput',
      condition: 'condition-1',
      output: 'oneof-1',
    });
  });

  it('GIVEN a chain without otherwise THEN no branch may run and the call is refused', () => {
    expect(() => chain((p, a, b) => p.oneOf(a.outputs.out, b.outputs.out), false)).toThrow(
      'pipeline "chain" > oneOf > condition "condition-1": condition-1 has no .otherwise(), so no branch may run (got 2). End the chain with .otherwise() and pass one output per branch.',
    );
  });

  it('GIVEN values missing a branch, out of order or from elsewhere THEN each is refused', () => {
    expect(() => chain((p, a, b) => p.oneOf(a.outputs.out, b.outputs.out))).toThrow(
      /condition-1 has 3 branches but p.oneOf\(\) got 2 values/,
    );
    expect(() => chain((p, a, b, c) => p.oneOf(b.outputs.out, a.outputs.out, c.outputs.out))).toThrow(
      /value 1 must come from branch 1 of condition-1/,
    );
    expect(() =>
      pipeline('top', {}, (p) => {
        const x = p.task('x', echo, { text: 'x' });
        const y = p.task('y', echo, { text: 'y' });
        p.oneOf(x.outputs.out, y.outputs.out);
      }),
    ).toThrow(/x\.outputs\.out is not produced directly in a branch of a p\.when\(\) chain \(got "top level"\)/);
  });

  it('GIVEN mixed kinds or types THEN the call is refused', () => {
    const mixed = () =>
      pipeline('mixed', {}, (p) => {
        const e = p.task('e', extract, { date: 'd' });
        let a!: Task<typeof extract.outputs>;
        let b!: Task<typeof train.outputs>;
        p.when(gt(e.outputs.rows, 1), (p) => {
          a = p.task('a', extract, { date: 'x' });
        }).otherwise((p) => {
          b = p.task('b', train, { dataset: e.outputs.table, learningRate: 0.1 });
        });
        return { bad: (p.oneOf as (...v: unknown[]) => unknown)(a.outputs.rows, b.outputs.auc) } as never;
      });
    expect(mixed).toThrow(/every value of p\.oneOf\(\) must have the same type \(int\) \(got "float"\)/);
  });

  it('GIVEN a branch task with its own condition THEN it is refused because it may not run', () => {
    expect(() =>
      pipeline('own-when', {}, (p) => {
        const e = p.task('e', extract, { date: 'd' });
        let a!: Echo;
        let b!: Echo;
        p.when(gt(e.outputs.rows, 1), (p) => {
          a = p.task('a', echo, { text: 'a' }).when(eq(e.outputs.rows, 5));
        }).otherwise((p) => {
          b = p.task('b', echo, { text: 'b' });
        });
        p.oneOf(a.outputs.out, b.outputs.out);
      }),
    ).toThrow(/task "a" has its own condition, so it may not run when its branch does/);
  });

  it('GIVEN the value read inside its own branches or the exit handler THEN it is refused', () => {
    expect(() =>
      pipeline('inside', {}, (p) => {
        const e = p.task('e', extract, { date: 'd' });
        let a!: Echo;
        let b!: Echo;
        p.when(gt(e.outputs.rows, 1), (p) => {
          a = p.task('a', echo, { text: 'a' });
        }).otherwise((p) => {
          b = p.task('b', echo, { text: 'b' });
          p.task('peek', echo, { text: p.oneOf(a.outputs.out, b.outputs.out) });
        });
      }),
    ).toThrow(/inside branch "condition-1-2" of that same condition, before it is decided/);
    expect(() =>
      chain((p, a, b, c) => p.onExit('bye', echo, { text: p.oneOf(a.outputs.out, b.outputs.out, c.outputs.out) })),
    ).toThrow(/the exit handler cannot read task outputs/);
  });

  it('GIVEN a oneOf returned from the pipeline THEN it is an output typed like its values', () => {
    const pl = chain((p, a, b, c) => p.oneOf(a.outputs.out, b.outputs.out, c.outputs.out));
    expect(pl.ir.outputs).toEqual([]);
    const ret = pipeline('ret', {}, (p) => {
      const e = p.task('e', extract, { date: 'd' });
      let a!: Echo;
      let b!: Echo;
      p.when(gt(e.outputs.rows, 1), (p) => {
        a = p.task('a', echo, { text: 'a' });
      }).otherwise((p) => {
        b = p.task('b', echo, { text: 'b' });
      });
      return { text: p.oneOf(a.outputs.out, b.outputs.out) };
    });
    expect(ret.ir.outputs).toEqual([
      {
        name: 'text',
        kind: 'param',
        value: { kind: 'conditionOutput', condition: 'condition-1', output: 'oneof-1' },
        port: { kind: 'param', name: 'text', type: 'string', optional: false },
      },
    ]);
  });
});
