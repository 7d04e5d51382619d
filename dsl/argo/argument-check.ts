import { DslError, type PathSegment } from '../errors.ts';
import { ARTIFACT_LOCATIONS, type InputsDecl, type LooseArguments, type ParamArg } from './io.ts';

/**
 * Which inputs a caller must supply, at the type level and at build time. Argo fails a run with
 * "inputs.parameters.<name> was not supplied" when one is missing; these checks move that error to
 * `tsc` (typed callers) and to the build (JavaScript callers, casts, values built at run time).
 */

type ParamsOf<D> = D extends { readonly parameters: infer P } ? P : {};
type ArtifactsOf<D> = D extends { readonly artifacts: infer A } ? A : {};

type ParamIsOptional<D> = D extends { readonly value: unknown }
  ? true
  : D extends { readonly default: unknown }
    ? true
    : D extends { readonly valueFrom: unknown }
      ? true
      : false;
type ArtifactIsOptional<D> = D extends
  | { readonly optional: true }
  | { readonly from: unknown }
  | { readonly fromExpression: unknown }
  | {
      readonly [K in (typeof ARTIFACT_LOCATIONS)[number]]: { readonly [P in K]: unknown };
    }[(typeof ARTIFACT_LOCATIONS)[number]]
  ? true
  : false;

/** Names of the parameters of inputs `I` without a value, default or source; `never` when `I` is unknown. */
export type RequiredParamNames<I> = unknown extends I
  ? never
  : { [K in keyof ParamsOf<I>]: ParamIsOptional<ParamsOf<I>[K]> extends true ? never : K }[keyof ParamsOf<I>] & string;
/** Names of the artifacts of inputs `I` without a location, source or `optional`. */
export type RequiredArtifactNames<I> = unknown extends I
  ? never
  : {
      [K in keyof ArtifactsOf<I>]: ArtifactIsOptional<ArtifactsOf<I>[K]> extends true ? never : K;
    }[keyof ArtifactsOf<I>] &
      string;

/**
 * Inputs that need no argument: every parameter has a value, default or source and every
 * artifact a location, a source or `optional: true`. Exit handlers (`onExit`) run with none.
 */
export interface NoRequiredInputs {
  readonly parameters?: Readonly<
    Record<string, { readonly value: ParamArg } | { readonly default: ParamArg } | { readonly valueFrom: unknown }>
  >;
  readonly artifacts?: Readonly<
    Record<
      string,
      | { readonly optional: true }
      | { readonly from: unknown }
      | { readonly fromExpression: unknown }
      | {
          readonly [K in (typeof ARTIFACT_LOCATIONS)[number]]: { readonly [P in K]: unknown };
        }[(typeof ARTIFACT_LOCATIONS)[number]]
    >
  >;
}

/** Runtime counterpart of {@link RequiredParamNames} and {@link RequiredArtifactNames}. */
export function requiredInputs(inputs: InputsDecl | undefined): {
  readonly parameters: string[];
  readonly artifacts: string[];
} {
  const params = Object.entries(inputs?.parameters ?? {});
  const artifacts = Object.entries(inputs?.artifacts ?? {}) as [string, Record<string, unknown>][];
  return {
    parameters: params
      .filter(([, p]) => p.value === undefined && p.default === undefined && p.valueFrom === undefined)
      .map(([n]) => n),
    artifacts: artifacts
      .filter(
        ([, a]) =>
          a.optional !== true &&
          a.from === undefined &&
          a.fromExpression === undefined &&
          !ARTIFACT_LOCATIONS.some((k) => a[k] !== undefined),
      )
      .map(([n]) => n),
  };
}

/** Names given in arguments, whether a plain map or `workflowArguments()` declarations. */
export function argumentNames(args: LooseArguments | undefined): {
  readonly parameters: Set<string>;
  readonly artifacts: Set<string>;
} {
  return {
    parameters: new Set(Object.keys(args?.parameters ?? {})),
    artifacts: new Set(Object.keys(args?.artifacts ?? {})),
  };
}

/**
 * Checks that `args` pass every required input of `inputs` and nothing the template does not
 * declare; `what` names the callee in the message (`template "echo"`).
 */
export function checkCallArguments(
  inputs: InputsDecl | undefined,
  args: LooseArguments | undefined,
  what: string,
  path: readonly PathSegment[],
): void {
  const given = argumentNames(args);
  for (const kind of ['parameters', 'artifacts'] as const) {
    const declared = Object.keys(inputs?.[kind] ?? {});
    for (const name of given[kind]) {
      if (!declared.includes(name)) {
        throw new DslError({
          path: [...path, 'arguments', kind],
          problem: `"${name}" is not an input of ${what} (declared: ${declared.join(', ') || 'none'})`,
          got: name,
          fix: declared.length
            ? `Use one of ${declared.join(', ')}`
            : 'Remove it, or pass it under undeclaredArguments if you mean it',
        });
      }
    }
  }
  checkSupplied(inputs, given, what, path, 'Pass it under arguments');
}

/** Checks that every required input of `inputs` is among the supplied names. */
export function checkSupplied(
  inputs: InputsDecl | undefined,
  given: { readonly parameters: ReadonlySet<string>; readonly artifacts: ReadonlySet<string> },
  what: string,
  path: readonly PathSegment[],
  fix: string,
): void {
  const required = requiredInputs(inputs);
  for (const kind of ['parameters', 'artifacts'] as const) {
    const missing = required[kind].filter((n) => !given[kind].has(n));
    if (missing.length) {
      throw new DslError({
        path: [...path, 'arguments'],
        problem: `${what} needs ${kind} ${missing.map((n) => `"${n}"`).join(', ')}, which nothing supplies`,
        got: [...given[kind]],
        fix,
      });
    }
  }
}
