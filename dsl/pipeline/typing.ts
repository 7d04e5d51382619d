import type { BoundTarget, ParamArgFor } from './backend-bound.ts';
import type { ArtifactListPort, ArtifactPort, ParamPort, PortMap } from './ports.ts';
import type { ArtifactListRef, ArtifactRef, ParamRef } from './refs.ts';

/** Flattens intersections so editor tooltips show one object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The TypeScript value type of a parameter port. */
export type ValueOf<P> = P extends ParamPort<infer T, boolean> ? T : never;

/** An artifact kind a port of kind `K` accepts: its own, or any for a generic `Artifact` port (as KFP's `system.Artifact`). */
type AcceptedKind<K extends string> = 'Artifact' extends K ? string : K;

/**
 * What may be passed to a port: a literal or a reference of the same type for parameters, a
 * reference of the same kind for artifacts (any kind for an `Artifact` port), a list of them for
 * artifact lists.
 */
export type ArgFor<P, B extends BoundTarget = undefined> =
  P extends ParamPort<infer T, boolean>
    ? T | ParamArgFor<T, B>
    : P extends ArtifactPort<infer K, boolean>
      ? ArtifactRef<AcceptedKind<K>>
      : P extends ArtifactListPort<infer K>
        ? ArtifactListRef<AcceptedKind<K>>
        : never;

/** The reference a task output becomes. */
export type RefFor<P> =
  P extends ParamPort<infer T, boolean>
    ? ParamRef<T>
    : P extends ArtifactPort<infer K, boolean>
      ? ArtifactRef<K>
      : P extends ArtifactListPort<infer K>
        ? ArtifactListRef<K>
        : never;

type IsOptional<P> = P extends ParamPort<unknown, infer D> ? D : P extends ArtifactPort<string, infer O> ? O : false;

/** Ports that must be given an argument (no default, not optional). */
export type RequiredKeys<I> = { [K in keyof I]-?: IsOptional<I[K]> extends true ? never : K }[keyof I];
/** Ports that may be left out. */
export type OptionalKeys<I> = Exclude<keyof I, RequiredKeys<I>>;

/**
 * The argument object of a task: required ports are required keys, ports with defaults are
 * optional keys, and unknown keys are rejected by TypeScript's excess property check.
 */
export type ArgsOf<I extends PortMap, B extends BoundTarget = undefined> = Simplify<
  { [K in RequiredKeys<I>]: ArgFor<I[K], B> } & { [K in OptionalKeys<I>]?: ArgFor<I[K], B> }
>;

/**
 * The rest-parameter form of {@link ArgsOf}: optional when no port is required. `B` is the
 * backend the pipeline is bound to (KFP-bound tasks refuse Argo-only runtime values).
 */
export type TaskArgs<I extends PortMap, B extends BoundTarget = undefined> = [RequiredKeys<I>] extends [never]
  ? [args?: NoInfer<ArgsOf<I, B>>]
  : [args: NoInfer<ArgsOf<I, B>>];

/** Keys of an argument object that are not inputs of the component. */
type UnknownKeys<I extends PortMap, A> = Exclude<keyof A, keyof I>;

/**
 * {@link TaskArgs}, also rejecting unknown keys when the arguments come from a variable (the
 * excess property check only covers object literals). `A` is the argument's own type, inferred
 * through the never-taken `[args: A]` branch; when it has keys the ports lack, the expected type
 * gains a property named after each, which no value has:
 * `Property '"learnRate is not an input of this component"' is missing in type ...`. An object
 * literal still gets TypeScript's own "Object literal may only specify known properties".
 */
export type ExactTaskArgs<
  I extends PortMap,
  A,
  What extends string = 'an input of this component',
  B extends BoundTarget = undefined,
> = [A] extends [unknown]
  ? [UnknownKeys<I, A>] extends [never]
    ? TaskArgs<I, B>
    : [args: NoInfer<ArgsOf<I, B>> & NotAnInput<UnknownKeys<I, A> & string, What>]
  : [args: A];

/** A property per unknown argument key, so the type error names it. */
export type NotAnInput<K extends string, What extends string> = { readonly [P in K as `${P} is not ${What}`]: never };

/** Typed references to every output of a task. */
export type OutputRefs<O extends PortMap> = { readonly [K in keyof O]: RefFor<O[K]> };

/** Typed references to every parameter of a pipeline. */
export type ParamRefs<P extends PortMap> = { readonly [K in keyof P]: ParamRef<ValueOf<P[K]>> };

/** The value shape of a pipeline's parameters, e.g. `{ snapshotDate: string; learningRate?: number }`. */
export type ParamValues<P extends PortMap> = Simplify<
  { [K in RequiredKeys<P>]: ValueOf<P[K]> } & { [K in OptionalKeys<P>]?: ValueOf<P[K]> }
>;
