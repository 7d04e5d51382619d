/**
 * Prints plain data as a TypeScript expression for generated code. Strings holding Argo
 * references that the generated program has a typed handle for (`{{inputs.parameters.x}}`,
 * `{{steps.gen.outputs.result}}`) are printed as template literals over those handles, so the
 * program references them through the API instead of repeating the text.
 */

/** A piece of TypeScript embedded as is in printed data (a template constant, a call). */
export class Code {
  constructor(readonly code: string) {}
}

/** Reference paths (the text inside `{{ }}`) the generated scope has an expression for. */
export interface Handles {
  get(path: string): string | undefined;
  has(path: string): boolean;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `key` or `'ke-y'` as an object key. */
export function key(k: string): string {
  return IDENT.test(k) ? k : quote(k);
}

/** `.name` or `['na-me']`: a property access on a handle. */
export function member(name: string): string {
  return IDENT.test(name) ? `.${name}` : `[${quote(name)}]`;
}

/** A single-quoted string literal. */
export function quote(s: string): string {
  return `'${s
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

const escapeTemplate = (s: string): string => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/**
 * A string as TypeScript: a template literal when it holds references with handles or spans
 * lines (scripts read as written), else a quoted string.
 */
export function str(s: string, handles: Handles = new Map()): string {
  const parts: string[] = [];
  let last = 0;
  let substituted = false;
  for (const m of s.matchAll(/\{\{([^{}\s]+)\}\}/g)) {
    const expr = handles.get(m[1] as string);
    if (expr === undefined) continue;
    parts.push(escapeTemplate(s.slice(last, m.index)), `\${${expr}}`);
    last = (m.index ?? 0) + m[0].length;
    substituted = true;
  }
  if (substituted) {
    parts.push(escapeTemplate(s.slice(last)));
    const body = parts.join('');
    // A reference alone is the handle itself (a ParamRef/ArtifactRef is that exact string).
    const whole = /^\$\{([^}]*)\}$/.exec(body);
    return whole && handles.has(/^\{\{([^{}\s]+)\}\}$/.exec(s)?.[1] ?? '') ? (whole[1] as string) : `\`${body}\``;
  }
  if (s.includes('\n') && !/[\u2028\u2029\r]/.test(s)) return `\`${escapeTemplate(s)}\``;
  return quote(s);
}

/** Any plain value (or embedded {@link Code}) as a TypeScript expression. */
export function lit(v: unknown, handles: Handles = new Map()): string {
  if (v instanceof Code) return v.code;
  if (typeof v === 'string') return str(v, handles);
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => lit(x, handles)).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, x]) => `${key(k)}: ${lit(x, handles)}`).join(', ')} }`;
}
