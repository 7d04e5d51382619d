import { DslError, type PathSegment } from '../errors.ts';
import type { ArgoTemplateIR } from '../ir/argo-template.ts';

/**
 * Argo rejects a workflow whose template refers to an input, output, step or task it does not
 * have ("failed to resolve {{inputs.parameters.mesage}}"). Typed handles cannot produce such a
 * reference; this check catches the ones written as text, at build time and with the template's
 * name in the error.
 */
export function checkTemplateReferences(t: ArgoTemplateIR, path: readonly PathSegment[]): void {
  const names = {
    'inputs.parameters': new Set((t.inputs?.parameters ?? []).map((p) => p.name)),
    'inputs.artifacts': new Set((t.inputs?.artifacts ?? []).map((a) => a.name)),
    'outputs.parameters': new Set((t.outputs?.parameters ?? []).map((p) => p.name)),
    'outputs.artifacts': new Set((t.outputs?.artifacts ?? []).map((a) => a.name)),
    steps: new Set((t.steps ?? []).flat().map((s) => s.name)),
    tasks: new Set((t.dag?.tasks ?? []).map((s) => s.name)),
  };
  const kinds: Record<string, readonly string[]> = {
    'inputs.parameters': [
      'declared inputs.parameters',
      'Declare it under inputs.parameters or use io.inputs.parameters',
    ],
    'inputs.artifacts': ['declared inputs.artifacts', 'Declare it under inputs.artifacts or use io.inputs.artifacts'],
    'outputs.parameters': ['declared outputs.parameters', 'Declare it under outputs.parameters'],
    'outputs.artifacts': ['declared outputs.artifacts', 'Declare it under outputs.artifacts'],
    steps: ['steps of this template', 'Use the handle returned by s.step()'],
    tasks: ['tasks of this DAG', 'Use the handle returned by d.task()'],
  };
  // Inside a steps template `{{steps.name}}` is the current step; likewise `{{tasks.name}}`.
  const builtins: Record<string, string> = { steps: 'name', tasks: 'name' };
  for (const [key, s] of strings(t)) {
    for (const ref of references(EXPRESSION_FIELDS.has(key) ? `{{=${s}}}` : s)) {
      const known = names[ref.scope as keyof typeof names];
      if (ref.scope === 'steps' && t.steps === undefined) continue;
      if (ref.scope === 'tasks' && t.dag === undefined) continue;
      if (known.has(ref.name) || builtins[ref.scope] === ref.name) continue;
      const [what, fix] = kinds[ref.scope] as [string, string];
      const list = [...known];
      throw new DslError({
        path,
        problem: `"${ref.text}" refers to "${ref.name}", which is not one of the ${what} (${list.length ? list.join(', ') : 'none'})`,
        got: s.length > 80 ? `${s.slice(0, 77)}...` : s,
        fix,
      });
    }
  }
}

interface Reference {
  readonly scope: string;
  readonly name: string;
  readonly text: string;
}

const SCOPES = ['inputs.parameters', 'inputs.artifacts', 'outputs.parameters', 'outputs.artifacts', 'steps', 'tasks'];
const NAME = String.raw`(?:\.([A-Za-z0-9_-]+)|\[\s*['"]([^'"]+)['"]\s*\])`;
const SCOPED = new RegExp(
  String.raw`(?<![A-Za-z0-9_.])(${SCOPES.map((s) => s.replace('.', String.raw`\.`)).join('|')})${NAME}`,
  'g',
);

/** Fields whose whole value is an expression (no `{{= }}` around it). */
const EXPRESSION_FIELDS = new Set(['expression', 'fromExpression']);

/** References in `{{...}}` tags: plain tags and identifiers inside `{{= expression }}`. */
export function references(text: string): Reference[] {
  const out: Reference[] = [];
  for (const tag of text.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    const body = (tag[1] ?? '').trim();
    for (const m of body.matchAll(SCOPED)) {
      const scope = m[1] as string;
      const name = (m[2] ?? m[3]) as string;
      // In plain tags a reference must start the tag; `{{steps.x.outputs...}}` but not `{{foo.steps.x}}`.
      if (!body.startsWith('=') && m.index !== 0) continue;
      out.push({ scope, name, text: `{{${tag[1]}}}` });
    }
  }
  return out;
}

/** Every string of a template with the field it is in, except inside inline templates (own scope). */
function strings(value: unknown, key = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, key, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'inline') strings(v, k, out);
  }
  return out;
}
