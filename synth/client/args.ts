import type { JsonValue, ParamPortIR } from '../../dsl/ir/index.ts';
import { closest } from '../../dsl/common/did-you-mean.ts';
import type { ParamPortMap } from '../../dsl/pipeline/ports.ts';
import type { ParamValues, RequiredKeys } from '../../dsl/pipeline/typing.ts';
import { ClientError } from './errors.ts';

/** A property per unknown key of `A`, so the type error names it (the excess check misses variables). */
type NoUnknownKeys<P, A> = {
  readonly [K in Exclude<keyof A, keyof P> as `${K & string} is not a parameter of this pipeline`]: never;
};

/**
 * The `args` of a submission, typed from the pipeline's parameters: required parameters are
 * required keys, parameters with a default optional ones, and the values have the parameter's
 * type (`param.int()` a number, an `.enum([...])` one of the listed values). Without required
 * parameters `args` may be left out. `A` is the given object's own type, inferred through the
 * never-taken last branch (as `ExactTaskArgs` does for tasks), so an unknown key is an error
 * also when the arguments come from a variable.
 *
 * @example
 * ```ts
 * // ctrTraining: params { snapshotDate: param.string(), learningRate: param.float().default(0.05) }
 * const a: SubmitArgs<typeof ctrTraining.params> = { args: { snapshotDate: '2026-12-01' } };
 * ```
 */
export type SubmitArgs<P extends ParamPortMap, A = unknown> = [A] extends [unknown]
  ? [RequiredKeys<P>] extends [never]
    ? { readonly args?: NoInfer<ParamValues<P>> & NoUnknownKeys<P, A> }
    : { readonly args: NoInfer<ParamValues<P>> & NoUnknownKeys<P, A> }
  : { readonly args: A };

const aType = (t: string): string => (t === 'int' ? 'an int' : `a ${t}`);

const describeType = (p: ParamPortIR): string =>
  p.enum ? `one of ${p.enum.map((v) => JSON.stringify(v)).join(', ')}` : p.type === 'json' ? 'JSON' : aType(p.type);

/**
 * Checks argument values against the pipeline's parameters and turns them into Argo
 * parameters (strings: JSON for `json` parameters). What the types guarantee in TypeScript is
 * checked again here for JavaScript callers, casts and the CLI; every problem is reported at
 * once, naming the parameter. Parameters left out keep the template's default.
 */
export function encodeArgs(
  pipeline: string,
  params: readonly ParamPortIR[],
  args: Readonly<Record<string, unknown>>,
): { name: string; value: string }[] {
  const problems: string[] = [];
  const known = params.map((p) => p.name);
  // A misspelt name is one mistake: the parameter it was meant for is not also "missing".
  const meant = new Set<string>();
  for (const key of Object.keys(args))
    if (!known.includes(key)) {
      const hint = closest(key, known);
      if (hint !== undefined && args[hint] === undefined) meant.add(hint);
      problems.push(
        `${key}: pipeline "${pipeline}" has no parameter "${key}" (got ${JSON.stringify(args[key])}). ${hint ? `Did you mean "${hint}"?` : `Its parameters: ${known.join(', ') || '(none)'}`}`,
      );
    }
  const out: { name: string; value: string }[] = [];
  for (const p of params) {
    const value = args[p.name];
    if (value === undefined) {
      if (!p.optional && p.default === undefined && !meant.has(p.name))
        problems.push(
          `${p.name}: required parameter of pipeline "${pipeline}" is missing (got nothing). Pass ${p.name}=<${p.type}>${p.description ? ` (${p.description.replace(/\.$/, '')})` : ''}`,
        );
      continue;
    }
    const wrong = typeProblem(p, value);
    if (wrong) {
      problems.push(`${p.name}: ${wrong} (got ${JSON.stringify(value)}). Pass ${describeType(p)}`);
      continue;
    }
    out.push({ name: p.name, value: typeof value === 'string' ? value : JSON.stringify(value) });
  }
  if (problems.length > 0)
    throw new ClientError(
      problems.length === 1
        ? `${problems[0]} (nothing was submitted)`
        : `${problems.length} problems with the arguments; nothing was submitted:\n  ${problems.join('\n  ')}`,
      'invalid-args',
    );
  return out;
}

function typeProblem(p: ParamPortIR, value: unknown): string | undefined {
  const ok =
    p.type === 'string'
      ? typeof value === 'string'
      : p.type === 'int'
        ? Number.isInteger(value)
        : p.type === 'float'
          ? typeof value === 'number' && Number.isFinite(value)
          : p.type === 'bool'
            ? typeof value === 'boolean'
            : p.jsonShape === 'list'
              ? Array.isArray(value)
              : p.jsonShape === 'struct'
                ? typeof value === 'object' && value !== null && !Array.isArray(value)
                : value !== null && typeof value === 'object';
  if (!ok) return `expected ${p.type === 'json' ? `a JSON ${p.jsonShape ?? 'value'}` : aType(p.type)}`;
  if (p.enum && !p.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    return 'not one of the allowed values';
  return undefined;
}

/**
 * Parses `-p name=value` pairs of the CLI into typed values by each parameter's type (`int`,
 * `float`, `bool` true/false, `json`), so {@link encodeArgs} checks them like typed arguments.
 */
export function parseCliParams(
  pipeline: string,
  params: readonly ParamPortIR[],
  pairs: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      problems.push(`-p ${pair}: expected name=value (got ${JSON.stringify(pair)}). Pass -p snapshotDate=2026-12-01`);
      continue;
    }
    const name = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    const port = params.find((p) => p.name === name);
    if (!port) {
      out[name] = text; // encodeArgs names it with the pipeline's parameters
      continue;
    }
    const parsed = parseValue(port, text);
    if (parsed === NOT_PARSED)
      problems.push(
        `${name}: pipeline "${pipeline}" takes ${describeType(port)} here (got ${JSON.stringify(text)}). Pass -p ${name}=<${port.type}>`,
      );
    else out[name] = parsed;
  }
  if (problems.length > 0)
    throw new ClientError(
      problems.length === 1
        ? `${problems[0]} (nothing was submitted)`
        : `${problems.length} problems with the parameters; nothing was submitted:\n  ${problems.join('\n  ')}`,
      'invalid-args',
    );
  return out;
}

const NOT_PARSED = Symbol('not parsed');

function parseValue(p: ParamPortIR, text: string): JsonValue | typeof NOT_PARSED {
  switch (p.type) {
    case 'string':
      return text;
    case 'int':
      return /^-?\d+$/.test(text) ? Number(text) : NOT_PARSED;
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : NOT_PARSED;
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : NOT_PARSED;
    case 'json':
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        return NOT_PARSED;
      }
  }
}
