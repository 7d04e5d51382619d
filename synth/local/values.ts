import type { CondIR, JsonValue, RuntimeValueName, ValueIR } from '../../dsl/ir/index.ts';
import type { LocalOutput, LocalStatus } from './types.ts';

/** A finished step as later steps see it. */
export interface StepResult {
  readonly status: LocalStatus;
  readonly outputs: Readonly<Record<string, LocalOutput>>;
}

/**
 * What values are read from at one place of the run: the pipeline's parameters, the items of
 * the enclosing loops, the steps finished in this DAG and, through `parent`, the DAGs around it.
 */
export interface Frame {
  readonly params: Readonly<Record<string, JsonValue>>;
  readonly items: ReadonlyMap<string, LoopItem>;
  readonly results: Map<string, StepResult>;
  readonly oneOfs: ReadonlyMap<string, readonly ValueIR[]>;
  readonly runtime: (name: RuntimeValueName) => string;
  readonly parent?: Frame;
}

/** The item of one loop iteration: a JSON value, or one artifact of an artifact list. */
export type LoopItem =
  { readonly kind: 'value'; readonly value: JsonValue } | { readonly kind: 'artifact'; readonly path: string };

/** A value could not be read (the step producing it did not run): the reading step fails with this. */
export class ValueError extends Error {}

/** Argo parameters are strings: JSON for structured values, the text for the rest. */
export function paramString(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function findResult(frame: Frame, id: string): StepResult | undefined {
  for (let f: Frame | undefined = frame; f; f = f.parent) {
    const r = f.results.get(id);
    if (r) return r;
  }
  return undefined;
}

function output(frame: Frame, id: string, name: string): LocalOutput {
  const r = findResult(frame, id);
  if (!r) throw new ValueError(`reads ${id}.${name}, but ${id} has not run`);
  if (r.status !== 'Succeeded') throw new ValueError(`reads ${id}.${name}, but ${id} ${r.status.toLowerCase()}`);
  const o = r.outputs[name];
  if (!o) throw new ValueError(`reads ${id}.${name}, which ${id} did not produce`);
  return o;
}

function itemOf(frame: Frame, loop: string): LoopItem {
  for (let f: Frame | undefined = frame; f; f = f.parent) {
    const item = f.items.get(loop);
    if (item) return item;
  }
  throw new ValueError(`reads the item of loop ${loop} outside it`);
}

/**
 * Resolves a value to what a step receives: a parameter's string (as Argo passes it) or an
 * artifact's local path(s).
 *
 * @example
 * ```ts
 * resolveValue(frame, { kind: 'pipelineParam', name: 'maxDepth' }); // { kind: 'param', value: '6' }
 * ```
 */
export function resolveValue(frame: Frame, v: ValueIR): LocalOutput {
  switch (v.kind) {
    case 'literal':
      return { kind: 'param', value: paramString(v.value) };
    case 'pipelineParam': {
      const p = frame.params[v.name];
      if (p === undefined) throw new ValueError(`reads parameter ${v.name}, which has no value`);
      return { kind: 'param', value: paramString(p) };
    }
    case 'runtime':
      return { kind: 'param', value: frame.runtime(v.name) };
    case 'taskOutput':
      return output(frame, v.task, v.output);
    case 'loopOutput':
      return output(frame, v.loop, v.output);
    case 'loopItem': {
      const item = itemOf(frame, v.loop);
      if (item.kind === 'artifact') return { kind: 'artifact', path: item.path };
      let value: JsonValue | undefined = item.value;
      for (const key of v.path)
        value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
      if (value === undefined)
        throw new ValueError(`reads ${[v.loop, 'item', ...v.path].join('.')}, which the item lacks`);
      return { kind: 'param', value: paramString(value) };
    }
    case 'conditionOutput': {
      const values = frame.oneOfs.get(`${v.condition}/${v.output}`) ?? [];
      for (const candidate of values) {
        try {
          return resolveValue(frame, candidate);
        } catch (e) {
          if (!(e instanceof ValueError)) throw e;
        }
      }
      throw new ValueError(`reads ${v.condition}.${v.output}, but no branch of ${v.condition} produced it`);
    }
    case 'concat':
      return { kind: 'param', value: v.parts.map((p) => paramText(frame, p)).join('') };
  }
}

/** A value that must be a parameter, as text. */
export function paramText(frame: Frame, v: ValueIR): string {
  const r = resolveValue(frame, v);
  if (r.kind !== 'param') throw new ValueError(`uses an artifact where a parameter is expected`);
  return r.value;
}

function typed(text: string, type: 'string' | 'number' | 'bool'): string | number | boolean {
  if (type === 'number') return Number(text);
  if (type === 'bool') return text.trim().toLowerCase() === 'true';
  return text;
}

/** The status a step of a status condition had; loops answer `AnySucceeded`/`AllFailed` too. */
export type StatusOf = (task: string) => { status: LocalStatus; iterations?: readonly LocalStatus[] } | undefined;

/**
 * Evaluates a condition as Argo does: comparisons on the parameters' typed values (`when`),
 * status tests on the finished steps (`depends`).
 *
 * @example
 * ```ts
 * evalCond(frame, statusOf, { kind: 'compare', op: '==', left, right, valueType: 'bool' }); // true or false
 * ```
 */
export function evalCond(frame: Frame, statusOf: StatusOf, c: CondIR): boolean {
  switch (c.kind) {
    case 'and':
      return c.items.every((i) => evalCond(frame, statusOf, i));
    case 'or':
      return c.items.some((i) => evalCond(frame, statusOf, i));
    case 'not':
      return !evalCond(frame, statusOf, c.item);
    case 'status': {
      const s = statusOf(c.task);
      if (!s) return false;
      const its = s.iterations ?? [s.status];
      if (c.status === 'AnySucceeded') return its.some((x) => x === 'Succeeded');
      if (c.status === 'AllFailed') return its.length > 0 && its.every((x) => x === 'Failed' || x === 'Errored');
      if (c.status === 'Daemoned') return false;
      return s.status === c.status;
    }
    case 'compare': {
      const l = typed(paramText(frame, c.left), c.valueType);
      const r = typed(paramText(frame, c.right), c.valueType);
      switch (c.op) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return l < r;
        case '<=':
          return l <= r;
        case '>':
          return l > r;
        case '>=':
          return l >= r;
      }
    }
  }
}
