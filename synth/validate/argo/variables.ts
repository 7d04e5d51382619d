import { ArgoError } from './argo-error.ts';

/** Scope of a template: the variable names (`inputs.parameters.x`, `tasks.a.outputs.result`, ...) it may use. */
export type Scope = Set<string>;

// Roots Argo treats as its own variables; tags with any other root are left for the user's tools.
const ARGO_ROOTS = ['item.', 'steps.', 'inputs.', 'outputs.', 'pod.', 'workflow.', 'tasks.'];

/** Scope entries that stand for "any name under this prefix" (withParam items, parameterised global outputs). */
export const ANY_ITEM = 'item.*';
export const ANY_WORKFLOW_OUTPUT_PARAMETER = 'workflow.outputs.parameters.*';
export const ANY_WORKFLOW_OUTPUT_ARTIFACT = 'workflow.outputs.artifacts.*';

// Prefixes resolved only at run time, so a static check accepts any name under them.
const RUNTIME_PREFIXES = [
  'outputs.',
  'workflow.creationTimestamp',
  'workflow.scheduledTime',
  'workflow.duration',
  'tasks.name',
  'steps.name',
  'node.name',
];

/**
 * Calls `visit` with the text between every `{{` and the next `}}`, as Argo's template engine
 * reads them. Expression tags (`{{=...}}`) are skipped: Argo does not check them statically.
 */
export function forEachTag(text: string, visit: (tag: string) => void): void {
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) return;
    const close = text.indexOf('}}', open + 2);
    if (close < 0)
      throw new ArgoError(
        `cannot find end tag="}}" in the template starting from ${JSON.stringify(text.slice(open, open + 40))}`,
      );
    const tag = text.slice(open + 2, close);
    if (!tag.startsWith('=')) visit(tag);
    at = close + 2;
  }
}

/** Checks that every Argo variable in `text` resolves in `scope` (plus the globals). */
export function resolveAll(
  scope: Scope,
  globals: ReadonlyMap<string, string>,
  text: string,
  workflowTemplateValidation: boolean,
): void {
  forEachTag(text, (tag) => {
    const t = tag.trim();
    if (!ARGO_ROOTS.some((r) => t.startsWith(r))) return;
    if (scope.has(t) || globals.has(t)) return;
    if ((t === 'item' || t.startsWith('item.')) && scope.has(ANY_ITEM)) return;
    if (t.startsWith('workflow.outputs.parameters.') && scope.has(ANY_WORKFLOW_OUTPUT_PARAMETER)) return;
    if (t.startsWith('workflow.outputs.artifacts.') && scope.has(ANY_WORKFLOW_OUTPUT_ARTIFACT)) return;
    if (RUNTIME_PREFIXES.some((p) => t.startsWith(p))) return;
    // A WorkflowTemplate checked on its own may read parameters the submitting Workflow passes.
    if (t.startsWith('workflow.parameters') && workflowTemplateValidation) return;
    throw new ArgoError(`failed to resolve {{${tag}}}`);
  });
}

/**
 * Replaces every `{{tag}}` found in `values` inside a JSON-serialised document, escaping the
 * value as a JSON string body; unknown tags stay as they are (Argo's "allow unresolved" mode).
 */
export function substituteJson(json: string, values: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = json.indexOf('{{', at);
    if (open < 0) return out + json.slice(at);
    const close = json.indexOf('}}', open + 2);
    if (close < 0) return out + json.slice(at);
    const tag = json.slice(open + 2, close);
    const value = tag.startsWith('=') ? undefined : values.get(tag.trim());
    const nestedAt = tag.lastIndexOf('{{');
    const nested = value === undefined && nestedAt > 0 ? values.get(tag.slice(nestedAt + 2)) : undefined;
    if (value !== undefined) out += json.slice(at, open) + escape(value);
    // `{{steps.run-{{inputs.parameters.x}}.status}}`: the inner reference is replaced, the outer kept.
    else if (nested !== undefined) out += `${json.slice(at, open)}{{${tag.slice(0, nestedAt)}${escape(nested)}`;
    else out += json.slice(at, close + 2);
    at = close + 2;
  }
}

function escape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** True when a string still holds an unresolved `{{...}}` reference. */
export function hasVariable(s: string | undefined): boolean {
  return typeof s === 'string' && /\{\{.*\}\}/.test(s);
}

/** Argo's test for "this is a single parameter reference", e.g. `{{inputs.parameters.blah}}`. */
export function isParameterRef(s: string): boolean {
  return typeof s === 'string' && /\{\{[-a-zA-Z0-9]+(\.[-a-zA-Z0-9_]+)*\}\}/.test(s);
}

let placeholderCounter = 0;

/** A fresh stand-in value for a parameter whose real value is only known at submission. */
export function placeholder(): string {
  placeholderCounter += 1;
  return `placeholder-${placeholderCounter}`;
}

export function isPlaceholder(s: unknown): boolean {
  return typeof s === 'string' && s.startsWith('placeholder-');
}
