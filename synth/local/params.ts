import { closest } from '../../dsl/common/did-you-mean.ts';
import type { JsonValue, ParamPortIR } from '../../dsl/ir/index.ts';
import { UsageError } from '../load-app.ts';

function typeError(where: string, p: ParamPortIR, got: unknown, fix: string): UsageError {
  return new UsageError(`${where}: parameter "${p.name}" takes ${p.type} (got ${JSON.stringify(got)}). ${fix}`);
}

/** Checks one value against its parameter's type and enum; returns it unchanged. */
function checkValue(where: string, p: ParamPortIR, v: unknown): JsonValue {
  const ok =
    p.type === 'string'
      ? typeof v === 'string'
      : p.type === 'int'
        ? typeof v === 'number' && Number.isInteger(v)
        : p.type === 'float'
          ? typeof v === 'number' && Number.isFinite(v)
          : p.type === 'bool'
            ? typeof v === 'boolean'
            : v !== undefined;
  if (!ok) throw typeError(where, p, v, `Pass ${p.type === 'json' ? 'a JSON value' : `a ${p.type}`}`);
  if (p.enum && !p.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
    throw new UsageError(
      `${where}: parameter "${p.name}" is not one of its values (got ${JSON.stringify(v)}). Pass one of ${p.enum.map((e) => JSON.stringify(e)).join(', ')}`,
    );
  return v as JsonValue;
}

/**
 * The values a run gets for a pipeline's parameters: the given ones checked against their types,
 * defaults for the rest. Unknown names, missing required ones and wrong types are usage errors.
 *
 * @example
 * ```ts
 * resolveParams('ctr-training', ir.params, { snapshotDate: '2026-01-01' }); // { snapshotDate: '2026-01-01', learningRate: 0.05, ... }
 * ```
 */
export function resolveParams(
  pipeline: string,
  params: readonly ParamPortIR[],
  given: Readonly<Record<string, unknown>>,
): Record<string, JsonValue> {
  const where = `pipeline "${pipeline}"`;
  const names = params.map((p) => p.name);
  for (const key of Object.keys(given)) {
    if (names.includes(key)) continue;
    const hint = closest(key, names);
    throw new UsageError(
      `${where}: no parameter "${key}" (got ${JSON.stringify(given[key])}). ${hint ? `Did you mean "${hint}"?` : names.length ? `Its parameters: ${names.join(', ')}` : 'It takes no parameters'}`,
    );
  }
  const out: Record<string, JsonValue> = {};
  for (const p of params) {
    const v = given[p.name];
    if (v !== undefined) out[p.name] = checkValue(where, p, v);
    else if (p.default !== undefined) out[p.name] = p.default;
    else if (!p.optional)
      throw new UsageError(
        `${where}: required parameter "${p.name}" is missing (got nothing). Pass -p ${p.name}=<${p.type}>`,
      );
  }
  return out;
}

/**
 * Parses `-p name=value` strings into typed values by the parameters' types: numbers for int and
 * float, true/false for bool, JSON for json, the text itself for string.
 *
 * @example
 * ```ts
 * parseParamFlags('ctr-training', ir.params, ['maxDepth=8', 'snapshotDate=2026-01-01']); // { maxDepth: 8, snapshotDate: '2026-01-01' }
 * ```
 */
export function parseParamFlags(
  pipeline: string,
  params: readonly ParamPortIR[],
  flags: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`-p ${flag}: not name=value (got "${flag}"). Pass -p name=value`);
    const name = flag.slice(0, eq);
    const text = flag.slice(eq + 1);
    const p = params.find((x) => x.name === name);
    if (!p) {
      out[name] = text; // reported with a hint by resolveParams
      continue;
    }
    const where = `-p ${name}`;
    if (p.type === 'string') out[name] = text;
    else if (p.type === 'int' || p.type === 'float') {
      const n = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(n) || (p.type === 'int' && !Number.isInteger(n)))
        throw typeError(where, p, text, `Pass a${p.type === 'int' ? ' whole' : ''} number`);
      out[name] = n;
    } else if (p.type === 'bool') {
      if (text !== 'true' && text !== 'false') throw typeError(where, p, text, 'Pass true or false');
      out[name] = text === 'true';
    } else {
      try {
        out[name] = JSON.parse(text) as JsonValue;
      } catch {
        throw typeError(where, p, text, `Pass JSON, e.g. -p ${name}='["a","b"]'`);
      }
    }
  }
  return out;
}
