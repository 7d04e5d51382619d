import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  component,
  param,
  pipeline,
  type AnyComponent,
  type AnyPipeline,
  type PipelineBuilder,
} from '../../dsl/index.ts';
import type { NodeIR, PipelineIR } from '../../dsl/ir/index.ts';
import { echo, extract } from '../../test/fixtures/components.ts';
import { templateNamed, workflowTemplateOf } from '../../test/render.ts';

type Task = { name: string; template: string };
type Tpl = {
  name: string;
  dag?: { tasks: Task[] };
  container?: { image: string };
  script?: { image: string };
  resource?: unknown;
  retryStrategy?: unknown;
};
const specOf = (p: AnyPipeline) =>
  workflowTemplateOf(p).spec as unknown as { entrypoint: string; onExit?: string; templates: Tpl[] };
const tasksOf = (t: Record<string, unknown>) => (t.dag as { tasks: Task[] }).tasks;

/** A component whose image names it, so a template can be traced back to its component. */
const named = new Map<string, AnyComponent>();
function comp(name: string): AnyComponent {
  let c = named.get(name);
  if (!c) {
    c = component(name, {
      image: `registry.example/${name}:1`,
      inputs: { text: param.string() },
      command: (io) => ['run', io.inputs.text],
    }) as AnyComponent;
    named.set(name, c);
  }
  return c;
}
const run = (p: PipelineBuilder, id: string, c: AnyComponent) => p.task(id, c as never, { text: id } as never);

describe('Argo template names', () => {
  it('GIVEN pipeline "train" running component "train" THEN the DAG is "train-dag" and the task runs the container template "train"', () => {
    const spec = specOf(
      pipeline('train', {}, (p) => {
        run(p, 'fit', comp('train'));
      }),
    );
    expect(spec.entrypoint).toBe('train-dag');
    expect(spec.templates.map((t) => t.name)).toEqual(['train-dag', 'train']);
    expect(tasksOf(templateNamed({ spec } as never, 'train-dag'))).toEqual([
      { name: 'fit', template: 'train', arguments: { parameters: [{ name: 'text', value: 'fit' }] } },
    ]);
    expect(templateNamed({ spec } as never, 'train').container).toMatchObject({ image: 'registry.example/train:1' });
  });

  it('GIVEN a loop id equal to a component name used inside it THEN the loop template is "<id>-loop" and its task runs the component', () => {
    const spec = specOf(
      pipeline('k', {}, (p) => {
        run(p, 'e', comp('echo-x'));
        p.forEach('echo-x', ['a'], (p) => {
          run(p, 'inner', comp('echo-x'));
        });
      }),
    );
    expect(spec.templates.map((t) => t.name)).toEqual(['k', 'echo-x', 'echo-x-loop']);
    expect(tasksOf(templateNamed({ spec } as never, 'k')).map((t) => t.template)).toEqual(['echo-x', 'echo-x-loop']);
    expect(tasksOf(templateNamed({ spec } as never, 'echo-x-loop'))[0]?.template).toBe('echo-x');
  });

  it('GIVEN a bounded loop whose "-iteration" body a component already names THEN both loop templates step aside', () => {
    const spec = specOf(
      pipeline('k', {}, (p) => {
        p.forEach(
          'each',
          ['a'],
          (p) => {
            run(p, 'inner', comp('each-iteration'));
          },
          { parallelism: 1 },
        );
      }),
    );
    expect(spec.templates.map((t) => t.name)).toEqual(['k', 'each-loop-iteration', 'each-iteration', 'each-loop']);
  });

  it('GIVEN a component named "exit-handler" in the exit handler THEN onExit names "exit-handler-dag"', () => {
    const spec = specOf(
      pipeline('x', {}, (p) => {
        run(p, 't', comp('other'));
        p.onExit('notify', comp('exit-handler') as never, { text: 'done' } as never);
      }),
    );
    expect(spec.onExit).toBe('exit-handler-dag');
    expect(tasksOf(templateNamed({ spec } as never, 'exit-handler-dag'))[0]?.template).toBe('exit-handler');
  });

  it("GIVEN a task override whose own template name is another component's name THEN the synth fails naming both", () => {
    expect(() =>
      specOf(
        pipeline('o', {}, (p) => {
          run(p, 'plain', comp('echo-careful'));
          p.task('careful', echo, { text: 'b' }).retry({ limit: 2 });
        }),
      ),
    ).toThrow(
      'pipeline "o": two Argo templates would be named "echo-careful" (component "echo-careful" and task "careful"\'s own copy of component "echo") (got "echo-careful"). Rename the task, loop, component or called pipeline so template names stay unique.',
    );
  });

  it('GIVEN a loop named like a called pipeline THEN the synth fails naming both instead of calling the loop', () => {
    const features = pipeline('features', { params: { date: param.string() } }, (p, params) => {
      p.task('extract', extract, { date: params.date });
    });
    expect(() =>
      specOf(
        pipeline('outer', {}, (p) => {
          p.forEach('features', ['a'], (p) => {
            run(p, 'x', comp('other'));
          });
          p.subPipeline('call', features, { date: 'x' });
        }),
      ),
    ).toThrow(/two Argo templates would be named "features" \(loop "features" and pipeline "features"\)/);
  });
});

/** What each DAG task of the pipeline must run: a component's pod template, or a DAG. */
function expectedKinds(
  ir: PipelineIR,
): Map<string, { dag: true } | { dag: false; image: string; overridden: boolean }> {
  const out = new Map<string, { dag: true } | { dag: false; image: string; overridden: boolean }>();
  const images = new Map(ir.components.map((c) => [c.name, c.image]));
  const visit = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      if (n.kind === 'loop') {
        out.set(n.id, { dag: true });
        visit(n.body);
      } else if (n.kind === 'condition') n.branches.forEach((b) => visit(b.body));
      else if (n.kind === 'task' && n.pipeline === undefined)
        out.set(n.id, {
          dag: false,
          image: images.get(n.component) as string,
          overridden: n.overrides.retry !== undefined,
        });
    }
  };
  visit([...ir.body, ...ir.exitHandler]);
  return out;
}

// Names drawn from a small pool so that pipeline, loop, task and component names collide often.
const pool = [
  'train',
  'echo',
  'exit-handler',
  'train-dag',
  'train-loop',
  'echo-t',
  't',
  'loop',
  'dag',
  'echo-loop',
  'train-loop-iteration',
  'train-iteration',
];
const nodeRecipe = fc.record({
  kind: fc.constantFrom('task', 'override', 'loop', 'bounded-loop', 'exit'),
  id: fc.constantFrom(...pool),
  component: fc.constantFrom(...pool),
  inner: fc.constantFrom(...pool),
});

describe('Argo template names on colliding names', () => {
  it("PROPERTY: every task runs a template of its own kind (the component's container, or a DAG), or the synth names an ambiguous clash", () => {
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.array(nodeRecipe, { minLength: 1, maxLength: 8 }), (name, recipes) => {
        const used = new Set<string>();
        const fresh = (id: string): string | undefined => (used.has(id) ? undefined : (used.add(id), id));
        const p = pipeline(name, {}, (b) => {
          run(b, 'first', comp(recipes[0]?.component ?? 'echo'));
          for (const r of recipes) {
            const id = fresh(r.id);
            if (id === undefined) continue;
            if (r.kind === 'task') run(b, id, comp(r.component));
            else if (r.kind === 'override')
              (run(b, id, comp(r.component)) as unknown as { retry: (o: object) => unknown }).retry({ limit: 1 });
            else if (r.kind === 'exit') b.onExit(id, comp(r.component) as never, { text: id } as never);
            else {
              const inner = fresh(`${r.inner}-in`);
              b.forEach(
                id,
                ['a'],
                (lb) => {
                  if (inner) run(lb, inner, comp(r.component));
                  else run(lb, `${id}-body`, comp(r.component));
                },
                r.kind === 'bounded-loop' ? { parallelism: 1 } : {},
              );
            }
          }
        });
        let spec: ReturnType<typeof specOf>;
        try {
          spec = specOf(p);
        } catch (e) {
          expect((e as Error).message).toMatch(/two Argo templates would be named "[a-z0-9-]+" \(.+ and .+\)/);
          return;
        }
        const byName = new Map(spec.templates.map((t) => [t.name, t]));
        expect(byName.size).toBe(spec.templates.length);
        expect(byName.get(spec.entrypoint)?.dag).toBeDefined();
        if (spec.onExit !== undefined) expect(byName.get(spec.onExit)?.dag).toBeDefined();
        const expected = expectedKinds(p.ir);
        for (const t of spec.templates) {
          for (const task of t.dag?.tasks ?? []) {
            const target = byName.get(task.template);
            const want = expected.get(task.name);
            expect(target, `${t.name}/${task.name} runs a missing template ${task.template}`).toBeDefined();
            expect(want).toBeDefined();
            if (want?.dag) {
              expect(target?.dag, `${t.name}/${task.name} is a loop but runs ${task.template}`).toBeDefined();
              expect(task.template).not.toBe(t.name);
            } else {
              expect(target?.container?.image, `${t.name}/${task.name} runs ${task.template}`).toBe(want?.image);
              expect(target?.retryStrategy !== undefined).toBe(want?.overridden);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
