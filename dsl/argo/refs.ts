declare const PARAM: unique symbol;
declare const ARTIFACT: unique symbol;

/**
 * A reference to an Argo value, e.g. `{{inputs.parameters.message}}`. It *is* that string, so it
 * fits every Argo text field and template literal; the brand only records where it came from.
 *
 * @example
 * ```ts
 * args: [io.inputs.parameters.message, `--date=${io.inputs.parameters.date}`]
 * ```
 */
export type ParamRef = string & { readonly [PARAM]: true };

/**
 * A reference to an artifact, e.g. `{{steps.gen.outputs.artifacts.out}}`. Only these are accepted
 * by an artifact argument's `from`, so a parameter can never be wired where an artifact is expected.
 *
 * @example
 * ```ts
 * arguments: { artifacts: { message: { from: gen.outputs.artifacts['hello-art'] } } }
 * ```
 */
export type ArtifactRef = string & { readonly [ARTIFACT]: true };

/** A reference that also has named sub-references, e.g. `{{item}}` and `{{item.tag}}`. */
export type RefWithFields<R extends string, F> = R & F;

/** `{{path}}` as a parameter reference. */
export const paramRef = (path: string): ParamRef => `{{${path}}}` as ParamRef;

/** `{{path}}` as an artifact reference. */
export const artifactRef = (path: string): ArtifactRef => `{{${path}}}` as ArtifactRef;

const PASS_THROUGH = new Set<PropertyKey>(['toString', 'valueOf', 'toJSON', Symbol.toPrimitive, Symbol.iterator]);

/**
 * A string that also has fields: `{{path}}` itself, and `field(name)` for every property read.
 * It is a `String` object behind a Proxy, because a primitive string cannot carry properties;
 * dsl/argo/plain.ts turns it back into a primitive before anything reaches the IR.
 */
export function refWithFields<F>(path: string, field: (name: string) => unknown): ParamRef & F {
  const text = new String(`{{${path}}}`);
  return new Proxy(text, {
    get(target, key) {
      if (PASS_THROUGH.has(key) || typeof key === 'symbol') {
        const v = Reflect.get(target, key, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return field(key);
    },
  }) as unknown as ParamRef & F;
}

/** Paths inside `{{...}}` of a reference: `{{inputs.parameters.x}}` -> `inputs.parameters.x`. */
export function refPath(ref: string): string | undefined {
  const m = /^\{\{([^{}=][^{}]*)\}\}$/.exec(String(ref));
  return m ? m[1] : undefined;
}

/**
 * Renders a reference path for Argo's expression language, where a segment that is not an
 * identifier (e.g. `week-temps`) must be indexed: `inputs.parameters['week-temps']`.
 */
export function exprPath(path: string, quote: ExprQuote = "'"): string {
  const [first = '', ...rest] = path.split('.');
  return rest.reduce(
    (acc, seg) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg) ? `${acc}.${seg}` : `${acc}[${quote}${seg}${quote}]`),
    first,
  );
}

/** The quote around an indexed segment of an expression path: `['week-temps']` or `["week-temps"]`. */
export type ExprQuote = "'" | '"';

/**
 * Builds an Argo expression (`{{=...}}`) from a template literal; interpolated references are
 * written as expression paths, so typed handles work inside expressions too.
 *
 * @example
 * ```ts
 * expr`asInt(${io.inputs.parameters.foo}) * 10` // "{{=asInt(inputs.parameters.foo) * 10}}"
 * ```
 */
export function expr(strings: TemplateStringsArray, ...values: readonly unknown[]): ParamRef {
  return `{{=${exprBody(strings, values)}}}` as ParamRef;
}

/**
 * Like {@link expr} but without the `{{=` `}}` wrapper, for fields that are expressions already
 * (`when` of a hook, `valueFrom.expression`, retry `expression`, `fromExpression`, ...).
 *
 * @example
 * ```ts
 * valueFrom: { expression: exprText`${flip.outputs.result} == 'heads'` }
 * ```
 */
export function exprText(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return exprBody(strings, values);
}

/**
 * {@link expr} and {@link exprText} with options: `quote` is the quote around indexed path
 * segments (`inputs.parameters["should-print"]`), for expressions that must read exactly so.
 *
 * @example
 * ```ts
 * const dq = exprWith({ quote: '"' });
 * when: dq.expr` ${io.inputs.parameters['should-print']} == 'true'` // "{{= inputs.parameters[\"should-print\"] == 'true'}}"
 * ```
 */
export function exprWith(options: { readonly quote: ExprQuote }): {
  readonly expr: typeof expr;
  readonly exprText: typeof exprText;
} {
  return {
    expr: (strings, ...values) => `{{=${exprBody(strings, values, options.quote)}}}` as ParamRef,
    exprText: (strings, ...values) => exprBody(strings, values, options.quote),
  };
}

function exprBody(strings: TemplateStringsArray, values: readonly unknown[], quote: ExprQuote = "'"): string {
  return strings.reduce((acc, s, i) => {
    if (i === 0) return s;
    const v = String(values[i - 1]);
    const path = refPath(v);
    return `${acc}${path !== undefined ? exprPath(path, quote) : v}${s}`;
  }, '');
}

/**
 * The current item of `withItems`, `withParam` or `withSequence`: `{{item}}`.
 *
 * @example
 * ```ts
 * s.step('print', printMessage, { arguments: { parameters: { message: item } }, withItems: ['a', 'b'] });
 * ```
 */
export const item: ParamRef = paramRef('item');

/** The current item when items are maps: `{{item}}` with a typed reference per field. */
export type ItemRef<F extends string> = ParamRef & { readonly [K in F]: ParamRef };

/**
 * The current item of a loop over maps, with its fields declared, so `os.tag` is
 * `{{item.tag}}` and a misspelt field is a compile error.
 *
 * @example
 * ```ts
 * const os = loopItem('image', 'tag');
 * s.step('test-linux', catOsRelease, { arguments: { parameters: { image: os.image, tag: os.tag } }, withItems: [{ image: 'debian', tag: '9.1' }] });
 * ```
 */
export function loopItem<const F extends string>(...fields: readonly F[]): ItemRef<F> {
  const known = new Set<string>(fields);
  return refWithFields<{ readonly [K in F]: ParamRef }>('item', (f) =>
    known.has(f) ? paramRef(`item.${f}`) : undefined,
  );
}
