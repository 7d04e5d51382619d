import fc from 'fast-check';
import { YAML11_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { synthApp } from './render.ts';
import { randomPipeline, stepRecipe } from './random-pipeline.ts';

type Tpl = {
  name: string;
  dag?: { tasks: { name: string; template: string; depends?: string; when?: string; arguments?: unknown }[] };
  inputs?: { parameters?: { name: string }[]; artifacts?: { name: string }[] };
};

/** Structural checks Argo's validator would make on a WorkflowTemplate we produce. */
function checkReferences(spec: { entrypoint: string; templates: Tpl[]; onExit?: string }): string[] {
  const problems: string[] = [];
  const names = new Set(spec.templates.map((t) => t.name));
  if (names.size !== spec.templates.length) problems.push('duplicate template names');
  if (!names.has(spec.entrypoint)) problems.push(`entrypoint ${spec.entrypoint} missing`);
  if (spec.onExit && !names.has(spec.onExit)) problems.push(`onExit ${spec.onExit} missing`);
  for (const t of spec.templates) {
    if (!t.dag) continue;
    const tasks = new Set(t.dag.tasks.map((x) => x.name));
    const inputs = new Set([...(t.inputs?.parameters ?? []), ...(t.inputs?.artifacts ?? [])].map((i) => i.name));
    for (const task of t.dag.tasks) {
      if (!names.has(task.template)) problems.push(`${t.name}/${task.name}: template ${task.template} missing`);
      for (const dep of (task.depends ?? '').match(/[a-z0-9-]+(?=\.[A-Z]|\b)/g) ?? [])
        if (!tasks.has(dep)) problems.push(`${t.name}/${task.name}: depends on unknown ${dep}`);
      const text = JSON.stringify([task.arguments, task.when, (task as { withParam?: string }).withParam]);
      for (const m of text.matchAll(/\{\{tasks\.([a-z0-9-]+)\./g))
        if (!tasks.has(m[1] as string)) problems.push(`${t.name}/${task.name}: reads unknown task ${m[1]}`);
      for (const m of text.matchAll(/\{\{inputs\.(?:parameters|artifacts)\.([A-Za-z0-9_-]+)\}\}/g))
        if (!inputs.has(m[1] as string)) problems.push(`${t.name}/${task.name}: reads undeclared input ${m[1]}`);
    }
  }
  return problems;
}

describe('random pipelines', () => {
  it('PROPERTY: synthesis never crashes, is byte-for-byte deterministic, round-trips through YAML 1.1 and references resolve', () => {
    fc.assert(
      fc.property(fc.array(stepRecipe, { minLength: 1, maxLength: 14 }), (steps) => {
        const first = synthApp({ pipelines: [randomPipeline('random', steps)] });
        const second = synthApp({ pipelines: [randomPipeline('random', steps)] });
        expect(second.map((f) => f.content)).toEqual(first.map((f) => f.content));
        for (const f of first) {
          const body = f.content.slice(f.content.indexOf('\n') + 1);
          expect(load(body, { schema: YAML11_SCHEMA })).toEqual(JSON.parse(JSON.stringify(f.documents[0])));
          const spec = (f.documents[0] as { spec: Parameters<typeof checkReferences>[0] }).spec;
          expect(checkReferences(spec)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
