import { showValue } from '../../dsl/errors.ts';

/** Plain-object helpers shared by the validation layers. */
export type Json = Record<string, unknown>;

/**
 * Untrusted YAML as text. A mapping may carry its own `toString` or `valueOf` key, so
 * `String(v)` and template literals can throw on it; anything that is not a string is shown
 * as the DSL's messages show values, in full because the text also serves as a value (Argo's
 * rendering of a parameter). Strings stay as they are, so messages for well-typed input read like Argo's.
 */
export function show(v: unknown): string {
  return typeof v === 'string' ? v : showValue(v, Number.POSITIVE_INFINITY);
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function obj(v: unknown): Json {
  return isObject(v) ? v : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `/spec/templates/0/name` (JSON pointer) -> `spec.templates[0].name`. */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc === '' ? seg : `${acc}.${seg}`), '');
}

/** apiVersion, kind and name of any parsed document, for headings. */
export function identity(o: unknown): { apiVersion: string; kind: string; name: string } {
  const m = obj(obj(o).metadata);
  const name =
    typeof m.name === 'string' ? m.name : typeof m.generateName === 'string' ? `${m.generateName}*` : '(unnamed)';
  return { apiVersion: show(obj(o).apiVersion ?? ''), kind: show(obj(o).kind ?? '(no kind)'), name };
}
