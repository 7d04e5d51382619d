import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { and, dag, not, or, type DependsLike, type TaskHandle } from './dag.ts';
import { template } from './template.ts';

const echo = template('echo', { container: { image: 'busybox' } });

describe('dag()', () => {
  it("GIVEN tasks with depends WHEN rendered THEN depends uses Argo's enhanced syntax, parenthesizing mixed && and ||", () => {
    const t = template('d', {
      dag: dag((d) => {
        const A = d.task('A', echo);
        const B = d.task('B', echo, { depends: A });
        const C = d.task('C', echo, { depends: A });
        d.task('D', echo, { depends: and(B, C) });
        d.task('E', echo, { depends: and(A, or(C.succeeded, C.failed)) });
        d.task('F', echo, { depends: or(B.failed, and(C, not(A.skipped))) });
        d.task('G', echo, { dependencies: [B, C] });
      }),
    });
    const tasks = t.render().ir.dag?.tasks ?? [];
    expect(Object.fromEntries(tasks.map((x) => [x.name, x.depends ?? x.dependencies ?? null]))).toEqual({
      A: null,
      B: 'A',
      C: 'A',
      D: 'B && C',
      E: 'A && (C.Succeeded || C.Failed)',
      F: 'B.Failed || (C && !A.Skipped)',
      G: ['B', 'C'],
    });
  });

  it('GIVEN a target and failFast WHEN rendered THEN they become dag.target and dag.failFast', () => {
    const t = template('d', {
      dag: dag(
        (d) => {
          d.task('A', echo);
          const E = d.task('E', echo);
          d.target(E);
        },
        { failFast: false },
      ),
    });
    expect(t.render().ir.dag).toMatchObject({ target: 'E', failFast: false });
  });

  it('GIVEN a depends on a task of another DAG WHEN rendered THEN a DslError says so', () => {
    let foreign: TaskHandle<unknown> | undefined;
    template('other', {
      dag: dag((d) => {
        foreign = d.task('X', echo);
      }),
    }).render();
    const t = template('d', {
      dag: dag((d) => {
        d.task('A', echo, { depends: foreign as TaskHandle<unknown> });
      }),
    });
    expect(() => t.render()).toThrow(/task "A" > depends: a task can only depend on tasks of the same DAG \(got "X"\)/);
  });

  it('GIVEN task handles WHEN used in arguments THEN they reference {{tasks.<name>...}}', () => {
    const gen = template('gen', { script: { image: 'python', source: 'print(1)' } });
    const use = template('use', { inputs: { parameters: { v: {} } }, container: { image: 'busybox' } });
    const t = template('d', {
      dag: dag((d) => {
        const g = d.task('gen', gen);
        d.task('use', use, { depends: g, arguments: { parameters: { v: `${g.outputs.result}@${g.ip}` } } });
      }),
    });
    expect(t.render().ir.dag?.tasks[1]?.arguments?.parameters).toEqual([
      { name: 'v', value: '{{tasks.gen.outputs.result}}@{{tasks.gen.ip}}' },
    ]);
  });

  it('GIVEN any and/or/not tree WHEN rendered THEN evaluating the text gives the same truth table as the tree', () => {
    // Render, then evaluate the text with JavaScript's own precedence (same as Argo's: ! > && > ||).
    fc.assert(
      fc.property(
        fc.letrec((tie) => ({
          node: fc.oneof(
            { depthSize: 'small', withCrossShrink: true },
            fc.constantFrom('A', 'B', 'C'),
            fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('node'), { minLength: 2, maxLength: 3 })),
            fc.tuple(fc.constant('not'), tie('node')),
          ),
        })).node,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (tree, a, b, c) => {
          let text = '';
          let expected = false;
          template('p', {
            dag: dag((d) => {
              const tasks = { A: d.task('A', echo), B: d.task('B', echo), C: d.task('C', echo) };
              const values = { A: a, B: b, C: c };
              type Node = string | [string, Node[]] | [string, Node];
              const build = (n: Node): DependsLike =>
                typeof n === 'string'
                  ? tasks[n as 'A']
                  : n[0] === 'not'
                    ? not(build(n[1] as Node))
                    : (n[0] === 'and' ? and : or)(...(n[1] as Node[]).map(build));
              const evaluate = (n: Node): boolean =>
                typeof n === 'string'
                  ? values[n as 'A']
                  : n[0] === 'not'
                    ? !evaluate(n[1] as Node)
                    : n[0] === 'and'
                      ? (n[1] as Node[]).every(evaluate)
                      : (n[1] as Node[]).some(evaluate);
              const dep = build(tree as Node);
              text =
                typeof (dep as { render?: unknown }).render === 'function'
                  ? (dep as { render(): string }).render()
                  : (dep as TaskHandle<unknown>).name;
              expected = evaluate(tree as Node);
            }),
          }).render();
          const js = text.replace(/\b([ABC])\b/g, (m) => String({ A: a, B: b, C: c }[m as 'A']));
          expect(new Function(`return ${js};`)()).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
