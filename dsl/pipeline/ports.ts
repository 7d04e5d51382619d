import type { ArgoOnly, KfpOnly } from './backend-bound.ts';
import { brand, guard } from '../common/brand.ts';
import type { ArtifactPortIR, JsonValue, ParamPortIR, ParamTypeIR } from '../ir/index.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';

/** Artifact kinds Argosy knows; any other string is accepted as a custom kind. */
export type ArtifactKind = 'Dataset' | 'Model' | 'Metrics' | 'ClassificationMetrics' | 'HTML' | 'Markdown' | 'Artifact';

interface ParamPortSpec {
  readonly type: ParamTypeIR;
  readonly default?: JsonValue;
  readonly hasDefault: boolean;
  readonly enum?: readonly JsonValue[];
  readonly description?: string;
  readonly jsonShape?: 'list' | 'struct';
}

/**
 * Accepts an enum list only when it contains the port's default (if one was set first), so
 * `param.string().default('b').enum(['a'])` fails to compile like `.enum(['a']).default('b')`.
 */
type DefaultListed<X, V> = [X] extends [never]
  ? unknown
  : [X] extends [V]
    ? unknown
    : { readonly 'the default must be one of the listed values': X };

/**
 * A typed parameter port. `T` is the TypeScript type of its value; `D` records whether it has a
 * default, which makes the matching argument optional; `X` is the default's own type, checked
 * against a later `.enum()`.
 *
 * @example
 * ```ts
 * const lr = param.float().default(0.05);      // ParamPort<number, true>
 * const split = param.string().enum(['train', 'test'] as const);
 * ```
 */
export class ParamPort<T, D extends boolean = false, X = never> {
  /** Phantom: the value type (never set at run time). */
  declare readonly __type: T;
  /** Phantom: whether a default exists (never set at run time). */
  declare readonly __hasDefault: D;
  readonly portKind = 'param' as const;
  constructor(readonly spec: ParamPortSpec) {}

  /**
   * Gives the port a default value, so callers may omit it. The value is checked against the
   * port's type and enum when the component or pipeline is defined.
   */
  default<Y extends T>(value: Y): ParamPort<T, true, Y> {
    return new ParamPort<T, true, Y>({ ...this.spec, default: value as JsonValue, hasDefault: true });
  }

  /** Restricts the port to the listed values; the type narrows to their union. */
  enum<const V extends T>(values: readonly V[] & DefaultListed<X, V>): ParamPort<V, D, X> {
    return new ParamPort<V, D, X>({ ...this.spec, enum: values as readonly JsonValue[] });
  }

  /** Adds a description shown in the Argo UI and KFP. */
  describe(text: string): ParamPort<T, D, X> {
    return new ParamPort<T, D, X>({ ...this.spec, description: text });
  }

  /** The port as IR under the given name. */
  toIR(name: string): ParamPortIR {
    const ir: ParamPortIR = { kind: 'param', name, type: this.spec.type, optional: this.spec.hasDefault };
    return {
      ...ir,
      ...(this.spec.hasDefault ? { default: this.spec.default as JsonValue } : {}),
      ...(this.spec.enum ? { enum: this.spec.enum } : {}),
      ...(this.spec.description ? { description: this.spec.description } : {}),
      ...(this.spec.jsonShape ? { jsonShape: this.spec.jsonShape } : {}),
    };
  }
}

interface ArtifactPortSpec {
  readonly artifactType: string;
  readonly path?: string;
  readonly optional: boolean;
  readonly description?: string;
}

/**
 * A typed artifact port. `K` is the artifact kind as a string literal, so a `Model` cannot be
 * wired into a `Dataset` input.
 *
 * @example
 * ```ts
 * const data = artifact('Dataset');
 * const model = artifact('Model').at('/models/model.bst');
 * ```
 */
export class ArtifactPort<K extends string, O extends boolean = false> {
  /** Phantom: the artifact kind. */
  declare readonly __kind: K;
  /** Phantom: whether the input may be left unconnected. */
  declare readonly __optional: O;
  readonly portKind = 'artifact' as const;
  constructor(readonly spec: ArtifactPortSpec) {}

  /**
   * Places the artifact at a fixed path in the container instead of the default one (Argo only:
   * Kubeflow Pipelines chooses artifact paths, so a KFP-bound pipeline cannot run the component).
   */
  at(path: string): FixedPathArtifactPort<K, O> {
    return new ArtifactPort<K, O>({ ...this.spec, path }) as FixedPathArtifactPort<K, O>;
  }

  /** Marks an input artifact as optional. */
  optional(): ArtifactPort<K, true> {
    return new ArtifactPort<K, true>({ ...this.spec, optional: true });
  }

  /**
   * An input taking a list of artifacts of this kind (KFP `Input[List[...]]`), e.g. a loop's
   * collected outputs. The command receives it as one value: `io.inputs.<name>`.
   */
  list(): ArtifactListPort<K> {
    return new ArtifactListPort<K>({
      artifactType: this.spec.artifactType,
      ...(this.spec.description ? { description: this.spec.description } : {}),
    });
  }

  /** Adds a description. */
  describe(text: string): ArtifactPort<K, O> {
    return new ArtifactPort<K, O>({ ...this.spec, description: text });
  }

  toIR(name: string): ArtifactPortIR {
    return {
      kind: 'artifact',
      name,
      artifactType: this.spec.artifactType,
      optional: this.spec.optional,
      ...(this.spec.path ? { path: this.spec.path } : {}),
      ...(this.spec.description ? { description: this.spec.description } : {}),
    };
  }
}

brand(ParamPort, 'ParamPort');
brand(ArtifactPort, 'ArtifactPort');

/** Whether a value is a parameter port, made by this copy of argosy or another. */
export const isParamPort = guard<ParamPort<unknown, boolean>>('ParamPort');

/** An artifact port placed with `.at(path)`; the mark survives `.optional()` and `.describe()`. */
export interface FixedPathArtifactPort<K extends string, O extends boolean = false>
  extends
    ArtifactPort<K, O>,
    ArgoOnly<'a port placed with .at(path): Kubeflow Pipelines chooses artifact paths; Argo-only'> {
  optional(): FixedPathArtifactPort<K, true>;
  describe(text: string): FixedPathArtifactPort<K, O>;
}

/**
 * A port holding a list of artifacts of kind `K`: a component input fed by a loop's collected
 * artifacts (Kubeflow Pipelines only; Argo cannot gather artifacts across iterations).
 *
 * @example
 * ```ts
 * const merge = component('merge', { image: 'python:3.12-slim', inputs: { parts: artifact('Dataset').list() },
 *   outputs: { merged: artifact('Dataset') }, command: (io) => ['merge', io.inputs.parts, io.outputs.merged.path] });
 * ```
 */
export class ArtifactListPort<K extends string> implements KfpOnly<ArtifactListOnly> {
  /** Phantom: the kind of the artifacts in the list. */
  declare readonly __kind: K;
  /** Phantom: an Argo-bound pipeline cannot run a component with this port. */
  declare readonly kfpOnly: ArtifactListOnly;
  readonly portKind = 'artifactList' as const;
  constructor(readonly spec: { readonly artifactType: string; readonly description?: string }) {}

  /** Adds a description. */
  describe(text: string): ArtifactListPort<K> {
    return new ArtifactListPort<K>({ ...this.spec, description: text });
  }

  toIR(name: string): ArtifactPortIR {
    return {
      kind: 'artifact',
      name,
      artifactType: this.spec.artifactType,
      optional: false,
      list: true,
      ...(this.spec.description ? { description: this.spec.description } : {}),
    };
  }
}

brand(ArtifactListPort, 'ArtifactListPort');

/** Why artifact lists are a type error in Argo-bound pipelines. */
export type ArtifactListOnly =
  'lists of artifacts are Kubeflow Pipelines only: Argo cannot loop over, collect or pass a list of artifacts';

/** Any port. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPort = ParamPort<any, boolean> | ArtifactPort<string, boolean> | ArtifactListPort<string>;
/** A named set of ports (a component's inputs or outputs, a pipeline's parameters). */
export type PortMap = { readonly [name: string]: AnyPort };
/** A named set of parameter ports (pipeline parameters). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ParamPortMap = { readonly [name: string]: ParamPort<any, boolean> };

/**
 * Builders for typed parameter ports.
 *
 * @example
 * ```ts
 * inputs: {
 *   snapshotDate: param.string(),
 *   maxDepth: param.int().default(6),
 *   learningRate: param.float(),
 *   balanced: param.bool().default(true),
 *   grid: param.json<{ depth: number[] }>(),
 *   shards: param.list<string>(),
 * }
 * ```
 * `json` values are objects on Kubeflow Pipelines (`STRUCT`) unless their default is a list;
 * declare lists with `list` so KFP types them `LIST` (loops and collected outputs need that).
 */
export const param = {
  string: (): ParamPort<string> => new ParamPort<string>({ type: 'string', hasDefault: false }),
  int: (): ParamPort<number> => new ParamPort<number>({ type: 'int', hasDefault: false }),
  float: (): ParamPort<number> => new ParamPort<number>({ type: 'float', hasDefault: false }),
  bool: (): ParamPort<boolean> => new ParamPort<boolean>({ type: 'bool', hasDefault: false }),
  json: <T = JsonValue>(): ParamPort<T> => new ParamPort<T>({ type: 'json', hasDefault: false }),
  list: <T = JsonValue>(): ParamPort<T[]> => new ParamPort<T[]>({ type: 'json', hasDefault: false, jsonShape: 'list' }),
} as const;

/**
 * Declares an artifact port of the given kind.
 *
 * @example
 * ```ts
 * outputs: { model: artifact('Model'), report: artifact('HTML') }
 * ```
 */
export function artifact<const K extends ArtifactKind | (string & {})>(kind: K): ArtifactPort<K> {
  return new ArtifactPort<K>({ artifactType: kind, optional: false });
}

const isArtifactPort = guard<ArtifactPort<string, boolean>>('ArtifactPort');
const isArtifactListPort = guard<ArtifactListPort<string>>('ArtifactListPort');

/**
 * Turns a port map into IR, in declaration order. `path` is where the map is (e.g. the
 * component) and `role` names each entry in errors (`input`, `output`): a value that is not a
 * port (a kind string, a plain object, a port from a hand-made class) is a DslError naming the
 * port rather than a crash.
 *
 * @example
 * ```ts
 * portsToIR({ data: artifact('Dataset') }, ['component "train"'], 'input');
 * ```
 */
export function portsToIR(
  ports: PortMap | undefined,
  path: readonly PathSegment[],
  role: string,
): (ParamPortIR | ArtifactPortIR)[] {
  if (ports !== undefined && (ports === null || typeof ports !== 'object' || Array.isArray(ports))) {
    throw new DslError({
      path: [...path, `${role}s`],
      problem: `${role}s must be an object of named ports`,
      got: ports,
      fix: `Use e.g. { data: artifact('Dataset'), depth: param.int() }`,
    });
  }
  return Object.entries(ports ?? {}).map(([name, port]) => {
    if (!isParamPort(port) && !isArtifactPort(port) && !isArtifactListPort(port)) {
      throw new DslError({
        path: [...path, seg(role, name)],
        problem: 'not a port',
        got: port,
        fix: "Declare it with param.string(), param.int(), param.float(), param.bool(), param.json(), param.list() or artifact('<Kind>')",
      });
    }
    if (!isParamPort(port) && (typeof port.spec.artifactType !== 'string' || port.spec.artifactType.trim() === '')) {
      throw new DslError({
        path: [...path, seg(role, name)],
        problem: 'artifact kind must be a non-empty string',
        got: port.spec.artifactType,
        fix: "Use e.g. artifact('Dataset') or artifact('Model')",
      });
    }
    const at = isArtifactPort(port) ? port.spec.path : undefined;
    if (at !== undefined && (typeof at !== 'string' || !at.startsWith('/') || /\s/.test(at))) {
      throw new DslError({
        path: [...path, seg(role, name), 'at'],
        problem: 'artifact path must be an absolute path in the container',
        got: at,
        fix: "Use e.g. artifact('Model').at('/models/model.bst'), or leave .at() out to let Argosy choose",
      });
    }
    return port.toIR(name);
  });
}
