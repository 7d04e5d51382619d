import type { CondIR, JsonValue, ValueIR } from '../../dsl/ir/index.ts';
import type { KfpParamType } from './types.ts';

/** Turns an operand into the name of the trigger task's input that carries it (registering it). */
export type OperandInput = (v: ValueIR) => { readonly channel: string; readonly type: KfpParamType | undefined };

function celString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function celLiteral(v: JsonValue, asDouble: boolean): string {
  if (typeof v === 'string') return celString(v);
  if (typeof v === 'number') return asDouble && Number.isInteger(v) ? `${v}.0` : String(v);
  if (typeof v === 'boolean') return String(v);
  return celString(JSON.stringify(v));
}

/**
 * Renders a value condition as the CEL of a KFP `triggerPolicy.condition`, in the SDK's style:
 * `inputs.parameter_values['pipelinechannel--flip-Output'] == 'heads'`, numbers cast with
 * `int()`/`double()` because parameter values arrive as JSON numbers (doubles).
 */
export function renderCel(cond: CondIR, input: OperandInput): string {
  switch (cond.kind) {
    case 'compare': {
      const sides = [cond.left, cond.right].map((v) => (v.kind === 'literal' ? { literal: v.value } : { ...input(v) }));
      const types = sides.flatMap((s) => ('type' in s && s.type ? [s.type] : []));
      const literalInts = sides.every(
        (s) => !('literal' in s) || (typeof s.literal === 'number' && Number.isInteger(s.literal)),
      );
      const asDouble =
        cond.valueType === 'number' &&
        (types.includes('NUMBER_DOUBLE') || (!types.includes('NUMBER_INTEGER') && !literalInts));
      const render = (s: (typeof sides)[number]): string => {
        if ('literal' in s) return celLiteral(s.literal as JsonValue, asDouble);
        const ref = `inputs.parameter_values['${s.channel}']`;
        return cond.valueType === 'number' ? `${asDouble ? 'double' : 'int'}(${ref})` : ref;
      };
      return `${render(sides[0] as (typeof sides)[number])} ${cond.op} ${render(sides[1] as (typeof sides)[number])}`;
    }
    case 'not':
      return `!(${renderCel(cond.item, input)})`;
    case 'and':
    case 'or': {
      const sep = cond.kind === 'and' ? ' && ' : ' || ';
      return cond.items
        .map((c) => (c.kind === 'compare' || c.kind === 'not' ? renderCel(c, input) : `(${renderCel(c, input)})`))
        .join(sep);
    }
    case 'status':
      throw new Error('internal: status condition reached CEL rendering');
  }
}
