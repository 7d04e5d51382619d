import { DslError, type PathSegment } from '../errors.ts';
import { argumentNames, checkSupplied, type RequiredArtifactNames, type RequiredParamNames } from './argument-check.ts';
import type { ArtifactArg, InputsDecl, LooseArguments, ParamArg } from './io.ts';
import type { Template } from './template.ts';
import { isWorkflowArguments, type WorkflowArguments } from './workflow-arguments.ts';
// Type-only: workflow.ts imports this module's runtime check.
import type { NamedTemplateRef, WorkflowTemplateObject } from './workflow.ts';

/**
 * A workflow's `arguments` feed its entrypoint's inputs (and its `onExit` template's) by name,
 * merged with the arguments of a referenced WorkflowTemplate. Argo fails the run when a required
 * input is not supplied; these types and the build-time check catch it before.
 *
 * The generics are inferred from the spec and never written by hand: `P`/`R` are the parameter
 * and artifact names of literal arguments, `D` the declarations of `workflowArguments()`, `T`
 * the `workflowTemplateRef` (never when absent).
 *
 * A misspelt name next to a `workflowTemplateRef` is caught at build time only: a
 * WorkflowTemplate may read parameters it does not declare (`{{workflow.parameters.x}}`, which
 * Argo allows in templates), and which ones is known once its templates are rendered.
 */

/** `arguments` of a workflow: literal maps, or `workflowArguments()` for typed references. */
export type WorkflowArgumentsLike<P extends string = string, R extends string = string, D = unknown> =
  | WorkflowArguments<D>
  | { readonly parameters?: { readonly [K in P]: ParamArg }; readonly artifacts?: { readonly [K in R]: ArtifactArg } };

type DeclParams<D> = D extends { readonly parameters: infer X } ? keyof X & string : never;
type DeclArtifacts<D> = D extends { readonly artifacts: infer X } ? keyof X & string : never;
/** Names the workflow's own arguments give. */
type GivenParams<P extends string, D> = unknown extends D ? P : DeclParams<D>;
type GivenArtifacts<R extends string, D> = unknown extends D ? R : DeclArtifacts<D>;

type RefEntry<T> = [T] extends [never]
  ? unknown
  : T extends WorkflowTemplateObject<infer E, string, string>
    ? E
    : unknown;
type RefParams<T> = [T] extends [never]
  ? never
  : T extends WorkflowTemplateObject<unknown, infer N, string>
    ? N
    : never;
type RefArtifacts<T> = [T] extends [never]
  ? never
  : T extends WorkflowTemplateObject<unknown, string, infer N>
    ? N
    : never;
/** The inputs of what runs first: the entrypoint given, else the referenced template's. */
export type EntryInputs<I, T> = unknown extends I ? RefEntry<T> : I;

type Need<K extends string, Missing extends string, V> = [Missing] extends [never]
  ? {}
  : { readonly [k in K]: { readonly [n in Missing]: V } };

/**
 * What `arguments` must hold in `mode: 'run'` (Workflow, CronWorkflow, event submissions):
 * every required input of the entrypoint and `onExit` template that the referenced
 * WorkflowTemplate's arguments do not supply. A WorkflowTemplate gets them at submission.
 */
export type ArgumentsRequirement<
  Mode extends 'run' | 'template',
  I,
  X,
  P extends string,
  R extends string,
  D,
  T,
> = RequirementOf<
  Mode extends 'run'
    ? Exclude<RequiredParamNames<EntryInputs<I, T>> | RequiredParamNames<X>, GivenParams<P, D> | RefParams<T>>
    : never,
  Mode extends 'run'
    ? Exclude<
        RequiredArtifactNames<EntryInputs<I, T>> | RequiredArtifactNames<X>,
        GivenArtifacts<R, D> | RefArtifacts<T>
      >
    : never
>;

type RequirementOf<MP extends string, MA extends string> = [MP | MA] extends [never]
  ? {}
  : { readonly arguments: Need<'parameters', MP, ParamArg> & Need<'artifacts', MA, ArtifactArg> };

/** The parameter names a WorkflowTemplate's own arguments declare, for the type of its object. */
export type DeclaredParams<P extends string, D, T> = GivenParams<P, D> | RefParams<T>;
/** The artifact names a WorkflowTemplate's own arguments declare. */
export type DeclaredArtifacts<R extends string, D, T> = GivenArtifacts<R, D> | RefArtifacts<T>;

/** A by-name reference is a literal, so its fields are checked here rather than by inference. */
export type ExactRef<T> = [T] extends [never]
  ? {}
  : [T] extends [WorkflowTemplateObject<unknown, string, string>]
    ? {}
    : { readonly workflowTemplateRef?: { readonly [K in keyof T]: K extends keyof NamedTemplateRef ? T[K] : never } };

/** Plain argument maps of a workflow's `arguments`, whichever form they were given in. */
export function argumentsDecl(args: WorkflowArgumentsLike | undefined): LooseArguments | undefined {
  return isWorkflowArguments(args) ? args.decl : (args as LooseArguments | undefined);
}

/** What the build-time check needs to know about a referenced WorkflowTemplate. */
export interface ReferencedTemplate {
  readonly name: string;
  readonly entrypoint: Template<unknown, unknown> | undefined;
  readonly arguments: LooseArguments | undefined;
  /** Workflow parameters its templates read (`{{workflow.parameters.x}}`); 'any' when they read them all. */
  readonly reads: ReadonlySet<string> | 'any';
}

const WORKFLOW_PARAMETER = /workflow\.parameters(?:\.([A-Za-z0-9_-]+)|\[\s*['"]([^'"]+)['"]\s*\])?/g;

/** The workflow parameters some rendered templates read; 'any' if one reads the whole map. */
export function workflowParametersRead(templates: unknown): ReadonlySet<string> | 'any' {
  const names = new Set<string>();
  for (const m of JSON.stringify(templates ?? null).matchAll(WORKFLOW_PARAMETER)) {
    const name = m[1] ?? m[2];
    if (name === undefined || name === 'json') return 'any';
    names.add(name);
  }
  return names;
}

/** Build-time counterpart of {@link ArgumentsRequirement}. */
export function checkWorkflowArguments(opts: {
  readonly mode: 'run' | 'template';
  readonly entrypoint: Template<unknown, unknown> | undefined;
  readonly onExit: Template<unknown, unknown> | undefined;
  readonly arguments: LooseArguments | undefined;
  readonly ref: ReferencedTemplate | undefined;
  readonly path: readonly PathSegment[];
}): void {
  const own = argumentNames(opts.arguments);
  const inherited = argumentNames(opts.ref?.arguments);
  const entry = opts.entrypoint ?? opts.ref?.entrypoint;
  if (opts.ref) {
    const inputs: InputsDecl | undefined = entry?.inputs;
    const reads = opts.ref.reads;
    for (const kind of ['parameters', 'artifacts'] as const) {
      if (kind === 'parameters' && reads === 'any') continue;
      const known = new Set([
        ...inherited[kind],
        ...Object.keys(inputs?.[kind] ?? {}),
        ...(kind === 'parameters' && reads !== 'any' ? reads : []),
      ]);
      for (const name of own[kind]) {
        if (!known.has(name)) {
          throw new DslError({
            path: [...opts.path, 'arguments', kind],
            problem: `"${name}" is not an argument, an entrypoint input or a workflow parameter read by WorkflowTemplate "${opts.ref.name}" (known: ${[...known].join(', ') || 'none'})`,
            got: name,
            fix: "Check the spelling, or declare it in the WorkflowTemplate's arguments",
          });
        }
      }
    }
  }
  if (opts.mode !== 'run') return;
  const given = {
    parameters: new Set([...own.parameters, ...inherited.parameters]),
    artifacts: new Set([...own.artifacts, ...inherited.artifacts]),
  };
  const fix =
    "Pass it in the workflow's arguments (workflow arguments feed the entrypoint's and onExit's inputs by name), or give the input a default";
  if (entry) checkSupplied(entry.inputs, given, `entrypoint template "${entry.name}"`, opts.path, fix);
  if (opts.onExit) checkSupplied(opts.onExit.inputs, given, `onExit template "${opts.onExit.name}"`, opts.path, fix);
}
