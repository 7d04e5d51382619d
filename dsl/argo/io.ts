import { DslError, seg, type PathSegment } from '../errors.ts';
import type {
  ArgoArtifactIR,
  ArgoArtifactLocation,
  ArgoArtifactOptions,
  ArgoParameterIR,
  ArgoParameterOptions,
} from '../ir/argo-artifacts.ts';
import { plain, text } from './plain.ts';
import { artifactRef, paramRef, refWithFields, type ArtifactRef, type ParamRef } from './refs.ts';

/** A parameter value; numbers and booleans are written as strings, as Argo stores them. */
export type ParamValue = string | number | boolean;

/**
 * A parameter declaration (input, output or workflow argument), keyed by name in a map.
 *
 * @example
 * ```ts
 * inputs: { parameters: { message: {}, level: { default: 'info', enum: ['info', 'debug'] } } }
 * ```
 */
export interface ParamDecl extends Omit<ArgoParameterOptions, 'value' | 'default' | 'enum'> {
  readonly value?: ParamValue;
  readonly default?: ParamValue;
  readonly enum?: readonly ParamValue[];
}

/** The keys of Argo's `ArtifactLocation`: an artifact lives in at most one of them. */
export const ARTIFACT_LOCATIONS = [
  's3',
  'gcs',
  'git',
  'http',
  'raw',
  'azure',
  'hdfs',
  'oss',
  'artifactory',
  'plugin',
] as const;

type LocationKey = (typeof ARTIFACT_LOCATIONS)[number];

/** At most one location: `s3` plus `gcs` on one artifact is a compile error, as Argo rejects it. */
export type OneLocation =
  | { readonly [K in LocationKey]?: never }
  | {
      [K in LocationKey]: { readonly [P in K]: NonNullable<ArgoArtifactLocation[K]> } & {
        readonly [P in Exclude<LocationKey, K>]?: never;
      };
    }[LocationKey];

/** An artifact's options besides its location. */
export interface ArtifactOptionsDecl extends Omit<ArgoArtifactOptions, 'from'> {
  /** Another artifact to copy: a typed artifact reference (never a parameter). */
  readonly from?: ArtifactRef;
}

/**
 * An artifact declaration: where it is read or written (`path`), at most one location
 * (s3, gcs, git, http, raw, azure, hdfs, oss, artifactory, plugin) and options.
 *
 * @example
 * ```ts
 * inputs: { artifacts: { source: { path: '/src', git: { repo: 'https://github.com/argoproj/argo-workflows.git', revision: 'main' } } } }
 * ```
 */
export type ArtifactDecl = ArtifactOptionsDecl & OneLocation;

export type ParamDecls = Readonly<Record<string, ParamDecl>>;
export type ArtifactDecls = Readonly<Record<string, ArtifactDecl>>;

/** A template's inputs, keyed by name. */
export interface InputsDecl {
  readonly parameters?: ParamDecls;
  readonly artifacts?: ArtifactDecls;
}

/** A template's outputs, keyed by name. */
export interface OutputsDecl {
  readonly parameters?: ParamDecls;
  readonly artifacts?: ArtifactDecls;
  readonly result?: string;
  readonly exitCode?: string;
}

type ParamsOf<D> = D extends { readonly parameters: infer P } ? P : {};
type ArtifactsOf<D> = D extends { readonly artifacts: infer A } ? A : {};

/** A parameter needs an argument unless it has a value, a default or a source. */
type ParamIsOptional<D> = D extends { readonly value: unknown }
  ? true
  : D extends { readonly default: unknown }
    ? true
    : D extends { readonly valueFrom: unknown }
      ? true
      : false;
/** An artifact needs an argument unless it has a location, a source or is optional. */
type ArtifactIsOptional<D> = D extends
  | { readonly optional: true }
  | { readonly from: unknown }
  | { readonly fromExpression: unknown }
  | { readonly raw: unknown }
  | { readonly s3: unknown }
  | { readonly gcs: unknown }
  | { readonly git: unknown }
  | { readonly http: unknown }
  | { readonly azure: unknown }
  | { readonly hdfs: unknown }
  | { readonly oss: unknown }
  | { readonly artifactory: unknown }
  | { readonly plugin: unknown }
  ? true
  : false;

/** A parameter argument: the value itself, or a full declaration (`valueFrom`, `enum`, ...). */
export type ParamArg = ParamValue | ParamDecl;
/** An artifact argument: an artifact reference (becomes `from`), or a full declaration. */
export type ArtifactArg = ArtifactRef | ArtifactDecl;

/** No declared names: any argument is a mistake (`{}` would accept every object literal). */
type NoNames = { readonly [name: string]: never };
type ParamArgs<P> = keyof P extends never
  ? NoNames
  : { readonly [K in keyof P as ParamIsOptional<P[K]> extends true ? never : K]: ParamArg } & {
      readonly [K in keyof P as ParamIsOptional<P[K]> extends true ? K : never]?: ParamArg;
    };
type ArtifactArgs<A> = keyof A extends never
  ? NoNames
  : { readonly [K in keyof A as ArtifactIsOptional<A[K]> extends true ? never : K]: ArtifactArg } & {
      readonly [K in keyof A as ArtifactIsOptional<A[K]> extends true ? K : never]?: ArtifactArg;
    };
type Section<K extends string, M> = {} extends M ? { readonly [k in K]?: M } : { readonly [k in K]: M };

/**
 * The `arguments` a step or task must pass to a template with inputs `I`: every input without a
 * value or default is required, and unknown names are compile errors.
 */
export type ArgumentsFor<I> = Section<'parameters', ParamArgs<ParamsOf<I>>> &
  Section<'artifacts', ArtifactArgs<ArtifactsOf<I>>>;

/** Arguments with any names, for templates whose inputs are not known (external templateRefs). */
export interface LooseArguments {
  readonly parameters?: Readonly<Record<string, ParamArg>>;
  readonly artifacts?: Readonly<Record<string, ArtifactArg>>;
}

/** Handles a template body uses to reference its own inputs and outputs. */
export interface TemplateIO<I> {
  readonly inputs: {
    /** `{{inputs.parameters.<name>}}` per declared input, and `{{inputs.parameters}}` for all of them. */
    readonly parameters: ParamRef & { readonly [K in keyof ParamsOf<I>]: ParamRef };
    /** `{{inputs.artifacts.<name>}}` per declared input, with `.path`. */
    readonly artifacts: { readonly [K in keyof ArtifactsOf<I>]: ArtifactRef & { readonly path: ParamRef } };
  };
  readonly outputs: {
    /** `{{outputs.parameters.<name>}}` (metrics) with `.path`; checked against the declared outputs. */
    parameter(name: string): ParamRef & { readonly path: ParamRef };
    /** `{{outputs.artifacts.<name>}}` with `.path`; checked against the declared outputs. */
    artifact(name: string): ArtifactRef & { readonly path: ParamRef };
    /** `{{outputs.result}}`: the standard output of this template (metrics). */
    readonly result: ParamRef;
  };
}

/** References to the outputs of a step or task that ran template outputs `O`. */
export interface NodeOutputs<O> {
  /** Standard output of a script or container (`outputs.result`). */
  readonly result: ParamRef;
  readonly exitCode: ParamRef;
  /** Per declared output parameter; by itself the aggregated `outputs.parameters` of a loop. */
  readonly parameters: ParamRef & { readonly [K in keyof ParamsOf<O>]: ParamRef };
  readonly artifacts: { readonly [K in keyof ArtifactsOf<O>]: ArtifactRef };
}

const withPath = (path: string): ParamRef & { readonly path: ParamRef } =>
  refWithFields<{ readonly path: ParamRef }>(path, (f) => (f === 'path' ? paramRef(`${path}.path`) : undefined));

/** Builds the io handles of a template. Unknown names are caught later by the reference check. */
export function templateIO<I extends InputsDecl>(): TemplateIO<I> {
  const field = (prefix: string) => (name: string) => withPath(`${prefix}.${name}`);
  return {
    inputs: {
      parameters: refWithFields('inputs.parameters', (n) => paramRef(`inputs.parameters.${n}`)),
      artifacts: proxyMap(field('inputs.artifacts')),
    },
    outputs: {
      parameter: field('outputs.parameters'),
      artifact: field('outputs.artifacts'),
      result: paramRef('outputs.result'),
    },
  } as unknown as TemplateIO<I>;
}

/**
 * References to a template's own input parameters, for the one place the io handles cannot
 * reach: other declarations of the same `inputs` (an input artifact located by an input
 * parameter). Pass the same map as `inputs.parameters`; a name it lacks is a compile error.
 *
 * @example
 * ```ts
 * const params = { revision: {} };
 * const input = inputRefs(params);
 * template('build', { inputs: { parameters: params, artifacts: { code: { path: '/src', git: { repo: 'https://github.com/golang/example.git', revision: input.revision } } } } }, () => ({ container: { image: 'golang' } }));
 * ```
 */
export function inputRefs<const P extends ParamDecls>(parameters: P): { readonly [K in keyof P & string]: ParamRef } {
  return Object.fromEntries(Object.keys(parameters).map((name) => [name, paramRef(`inputs.parameters.${name}`)])) as {
    readonly [K in keyof P & string]: ParamRef;
  };
}

/** Output references of a node (`steps.<name>` or `tasks.<name>`). */
export function nodeOutputs<O>(prefix: string): NodeOutputs<O> {
  return {
    result: paramRef(`${prefix}.outputs.result`),
    exitCode: paramRef(`${prefix}.outputs.exitCode`),
    parameters: refWithFields(`${prefix}.outputs.parameters`, (n) => paramRef(`${prefix}.outputs.parameters.${n}`)),
    artifacts: proxyMap((n) => artifactRef(`${prefix}.outputs.artifacts.${n}`)),
  } as unknown as NodeOutputs<O>;
}

function proxyMap<V>(make: (name: string) => V): Readonly<Record<string, V>> {
  return new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? make(key) : undefined) });
}

/** Parameter declarations (map) to Argo's list, in declaration order. */
export function paramsToIR(
  decls: Readonly<Record<string, ParamArg>> | undefined,
  path: readonly PathSegment[],
): ArgoParameterIR[] | undefined {
  if (decls === undefined) return undefined;
  return Object.entries(decls).map(([name, d]) => {
    const at = [...path, seg('parameter', name)];
    checkName(name, at);
    if (typeof d !== 'object' || d instanceof String) return { name, value: text(d as ParamValue, at) };
    const { value, default: def, enum: values, ...rest } = d;
    return {
      name,
      ...plain(rest, at),
      ...(value !== undefined ? { value: text(value, [...at, 'value']) } : {}),
      ...(def !== undefined ? { default: text(def, [...at, 'default']) } : {}),
      ...(values !== undefined ? { enum: values.map((v, i) => text(v, [...at, `enum[${i}]`])) } : {}),
    };
  });
}

/** Artifact declarations (map) to Argo's list, in declaration order. */
export function artifactsToIR(
  decls: Readonly<Record<string, ArtifactArg>> | undefined,
  path: readonly PathSegment[],
): ArgoArtifactIR[] | undefined {
  if (decls === undefined) return undefined;
  return Object.entries(decls).map(([name, d]) => {
    const at = [...path, seg('artifact', name)];
    checkName(name, at);
    if (typeof d === 'string' || d instanceof String) return { name, from: String(d) };
    const locations = ARTIFACT_LOCATIONS.filter((k) => (d as Record<string, unknown>)[k] !== undefined);
    if (locations.length > 1)
      throw new DslError({
        path: at,
        problem: `an artifact has one location, this one has ${locations.join(' and ')}`,
        got: locations,
        fix: `Keep one of ${ARTIFACT_LOCATIONS.join(', ')}`,
      });
    return { name, ...plain(d, at) };
  });
}

/** Inputs, outputs or arguments to IR; empty sections are omitted like Argo omits them. */
export function ioToIR<T extends { readonly parameters?: unknown; readonly artifacts?: unknown }>(
  decl: (InputsDecl | OutputsDecl | LooseArguments) | undefined,
  path: readonly PathSegment[],
): T | undefined {
  if (decl === undefined) return undefined;
  const { parameters, artifacts, ...rest } = decl as OutputsDecl;
  return {
    ...plain(rest, path),
    ...(parameters !== undefined ? { parameters: paramsToIR(parameters, [...path, 'parameters']) } : {}),
    ...(artifacts !== undefined ? { artifacts: artifactsToIR(artifacts, [...path, 'artifacts']) } : {}),
  } as unknown as T;
}

function checkName(name: string, path: readonly PathSegment[]): void {
  if (!/^[-a-zA-Z0-9_]+$/.test(name)) {
    throw new DslError({
      path,
      problem: 'Argo parameter and artifact names hold only letters, digits, "-" and "_"',
      got: name,
      fix: 'Rename it, e.g. "my-param"',
    });
  }
  // JavaScript lists integer-like keys first, in numeric order, whatever order they were written
  // in; Argo's lists keep the order written, so such a name would silently move.
  if (/^(0|[1-9][0-9]*)$/.test(name)) {
    throw new DslError({
      path,
      problem:
        'parameter and artifact names that are plain integers would be reordered (JavaScript puts integer keys first)',
      got: name,
      fix: 'Use a name with a letter, e.g. "p1" or "step-1"',
    });
  }
}
