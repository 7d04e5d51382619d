import type { CondIR, JsonValue, ValueIR } from '../../dsl/ir/index.ts';

const short = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A value as a reviewer reads it: `params.minLift`, `evaluate.promote`, `item.region`, `"auc"`. */
export function describeValue(v: ValueIR): string {
  switch (v.kind) {
    case 'literal':
      return short(JSON.stringify(v.value as JsonValue));
    case 'pipelineParam':
      return `params.${v.name}`;
    case 'taskOutput':
      return `${v.task}.${v.output}`;
    case 'loopItem':
      return ['item', ...v.path].join('.');
    case 'loopOutput':
      return `${v.loop}.${v.output}[]`;
    case 'conditionOutput':
      return `oneOf(${v.condition}).${v.output}`;
    case 'runtime':
      return `runtime.${v.name}`;
    case 'concat':
      return v.parts
        .map((p) => (p.kind === 'literal' && typeof p.value === 'string' ? p.value : `{${describeValue(p)}}`))
        .join('');
  }
}

/** A condition in infix form: `evaluate.promote == true and not train Failed`. */
export function describeCond(c: CondIR): string {
  switch (c.kind) {
    case 'compare':
      return `${describeValue(c.left)} ${c.op} ${describeValue(c.right)}`;
    case 'status':
      return `${c.task} ${c.status}`;
    case 'and':
    case 'or':
      return c.items
        .map((i) => (i.kind === 'and' || i.kind === 'or' ? `(${describeCond(i)})` : describeCond(i)))
        .join(` ${c.kind} `);
    case 'not':
      return `not ${describeCond(c.item)}`;
  }
}

/** The per-branch values of each `p.oneOf()` of a pipeline, keyed `<condition>/<output>`. */
export type OneOfValues = ReadonlyMap<string, readonly ValueIR[]>;

/** Tasks whose outputs a value reads, with the output name; a `p.oneOf()` reads every branch's. */
export function valueSources(v: ValueIR, oneOfs?: OneOfValues): { task: string; output: string; loop?: boolean }[] {
  switch (v.kind) {
    case 'taskOutput':
      return [{ task: v.task, output: v.output }];
    case 'loopOutput':
      return [{ task: v.loop, output: v.output, loop: true }];
    case 'conditionOutput':
      return (oneOfs?.get(`${v.condition}/${v.output}`) ?? []).flatMap((x) => valueSources(x, oneOfs));
    case 'concat':
      return v.parts.flatMap((x) => valueSources(x, oneOfs));
    default:
      return [];
  }
}

/** Tasks a condition looks at: status tests and compared outputs. */
export function condSources(
  c: CondIR | undefined,
  oneOfs?: OneOfValues,
): { task: string; label: string; failure: boolean }[] {
  if (!c) return [];
  switch (c.kind) {
    case 'compare':
      return [...valueSources(c.left, oneOfs), ...valueSources(c.right, oneOfs)].map((s) => ({
        task: s.task,
        label: s.output,
        failure: false,
      }));
    case 'status':
      return [{ task: c.task, label: c.status, failure: ['Failed', 'Errored', 'AllFailed'].includes(c.status) }];
    case 'and':
    case 'or':
      return c.items.flatMap((x) => condSources(x, oneOfs));
    case 'not':
      return condSources(c.item, oneOfs);
  }
}
