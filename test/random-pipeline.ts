import fc from 'fast-check';
import {
  eq,
  gt,
  param,
  pipeline,
  type AnyPipeline,
  type ParamRef,
  type PipelineBuilder,
  type Task,
} from '../dsl/index.ts';
import { echo, extract, score, train } from './fixtures/components.ts';

/** A recipe for one step of a random pipeline; indexes pick earlier tasks modulo what exists. */
export interface StepRecipe {
  readonly kind: 'extract' | 'train' | 'echo' | 'loop' | 'when';
  readonly from: number;
  readonly after: number | null;
}

export const stepRecipe: fc.Arbitrary<StepRecipe> = fc.record({
  kind: fc.constantFrom('extract', 'train', 'echo', 'loop', 'when'),
  from: fc.nat(50),
  after: fc.option(fc.nat(50), { nil: null }),
});

/**
 * Builds a valid pipeline from recipes: tasks wire typed outputs of earlier tasks, loops fan out
 * and collect, conditions guard tasks. Used by property tests and the benchmark.
 */
export function randomPipeline(name: string, steps: readonly StepRecipe[]): AnyPipeline {
  return pipeline(name, { params: { date: param.string().default('2026-01-01') } }, (p: PipelineBuilder, params) => {
    const extracts: Task<typeof extract.outputs>[] = [];
    const trains: Task<typeof train.outputs>[] = [];
    const all: { id: string }[] = [];
    const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
    steps.forEach((s, i) => {
      const id = `${s.kind}-${i}`;
      let node: { id: string; after?: (...d: never[]) => unknown } | undefined;
      if (s.kind === 'extract' || (s.kind !== 'echo' && extracts.length === 0)) {
        const e = p.task(`extract-${i}`, extract, { date: params.date });
        extracts.push(e);
        node = e;
      } else if (s.kind === 'train') {
        const t = p.task(id, train, {
          dataset: (pick(extracts, s.from) as Task<typeof extract.outputs>).outputs.table,
          learningRate: 0.1 + (s.from % 5) / 10,
        });
        trains.push(t);
        node = t;
      } else if (s.kind === 'echo') {
        const source = pick(extracts, s.from);
        node = p.task(id, echo, { text: source ? `rows=${source.outputs.rows}` : 'hello' });
      } else if (s.kind === 'loop') {
        const model = pick(trains, s.from);
        node = p.forEach(
          id,
          ['a', 'b', 'c'].slice(0, 1 + (s.from % 3)),
          (p, shard): Record<string, ParamRef<unknown>> => {
            if (!model) return { said: p.task(`${id}-say`, echo, { text: shard }).outputs.out };
            return { rows: p.task(`${id}-score`, score, { shard, model: model.outputs.model }).outputs.rows };
          },
          s.from % 2 ? { parallelism: 2 } : {},
        );
      } else {
        const source = pick(extracts, s.from) as Task<typeof extract.outputs>;
        p.when(gt(source.outputs.rows, s.from), (p) => {
          p.task(`${id}-yes`, echo, { text: 'many' });
        })
          .elseWhen(eq(source.outputs.rows, 0), (p) => {
            p.task(`${id}-empty`, echo, { text: 'none' });
          })
          .otherwise((p) => {
            p.task(`${id}-no`, echo, { text: 'few' });
          });
      }
      const dep = s.after === null ? undefined : pick(all, s.after);
      if (node && dep && dep.id !== node.id && 'after' in node && typeof node.after === 'function')
        (node.after as (d: { id: string }) => unknown)(dep);
      if (node) all.push(node);
    });
  });
}
