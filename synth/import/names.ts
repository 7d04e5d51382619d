/** Identifier choice for generated code: readable camelCase names that never collide. */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await async of arguments eval undefined ' +
    // Names the generated code itself uses.
    'and or not dag steps template templateRef inline vars workflow workflowTemplate clusterWorkflowTemplate cronWorkflow ' +
    'Template inputs outputs s g d'
  ).split(' '),
);

/** `print-message` -> `printMessage`; `1st` -> `t1st`. */
export function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const out = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  if (out === '') return 'x';
  return /^[0-9]/.test(out) ? `t${out}` : out;
}

/** Hands out unique identifiers within one generated module. */
export class NameScope {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set([...RESERVED, ...taken]);
  }

  /** A fresh identifier for `name`, suffixed (`Step`, `Task`, `2`) when the plain one is taken. */
  claim(name: string, suffix = ''): string {
    let base = camel(name);
    if (this.taken.has(base) && suffix) base = `${base}${suffix}`;
    let id = base;
    for (let i = 2; this.taken.has(id); i++) id = `${base}${i}`;
    this.taken.add(id);
    return id;
  }
}
