import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoArgumentsIR } from '../ir/argo-artifacts.ts';
import type { ArgoLifecycleHookIR, ArgoSequence, ArgoStepCommonIR } from '../ir/argo-template.ts';
import type { JsonValue } from '../ir/values.ts';
import { ioToIR, nodeOutputs, type ArgumentsFor, type LooseArguments, type NodeOutputs } from './io.ts';
import { plain } from './plain.ts';
import { paramRef, type ParamRef } from './refs.ts';
import { Callable, Template, type RunRef } from './template.ts';

/**
 * A lifecycle hook: run a template when the workflow, step or task exits (`exit`) or when an
 * expression becomes true (any other key).
 *
 * @example
 * ```ts
 * hooks: { exit: { template: http }, running: { expression: `${vars.workflow.status} == "Running"`, template: http } }
 * ```
 */
export interface HookDecl {
  readonly template: Callable<unknown, unknown>;
  readonly arguments?: LooseArguments;
  readonly expression?: string;
}

export type HooksDecl = Readonly<Record<string, HookDecl>>;

/** Options shared by steps and DAG tasks, besides `arguments`. `O` are the outputs of what runs. */
export interface NodeOptions<O = unknown> {
  /** Run only when this holds, e.g. `` `${flip.outputs.result} == heads` ``. */
  readonly when?: string;
  /** Fan out over a literal list; reference the current value with `item`. */
  readonly withItems?: readonly JsonValue[];
  /** Fan out over a JSON list produced at run time. */
  readonly withParam?: string;
  /** Fan out over a number sequence. */
  readonly withSequence?: ArgoSequence;
  readonly continueOn?: { readonly error?: boolean; readonly failed?: boolean };
  /** @deprecated by Argo in favour of `hooks: { exit: ... }`, still supported. */
  readonly onExit?: Template<unknown, unknown>;
  /**
   * Arguments the template does not declare. Argo passes them and the template never sees them,
   * so this is almost always a mistake; it exists to state such a call explicitly.
   */
  readonly undeclaredArguments?: LooseArguments;
  /** Hooks; a function receives this node's handle, so an exit hook can pass on its outputs. */
  readonly hooks?: HooksDecl | ((self: NodeHandle<O>) => HooksDecl);
}

/** `arguments`, required exactly when the template has required inputs. */
export type ArgsOption<I> = {} extends ArgumentsFor<I> ? { readonly arguments?: ArgumentsFor<I> } : { readonly arguments: ArgumentsFor<I> };

/** Options of a step running a template with inputs `I`; `arguments` is required when `I` has required inputs. */
export type StepOptions<I, O = unknown> = NodeOptions<O> & ArgsOption<I>;

/** The options parameter: optional exactly when the template needs no arguments. */
export type OptionsArg<I, X> = {} extends ArgumentsFor<I> ? [opts?: X] : [opts: X];

/** A step or task recorded by a builder, rendered when the workflow is built. */
export interface PendingNode<Opts> {
  readonly name: string;
  readonly run: Callable<unknown, unknown>;
  readonly opts: Opts | undefined;
}

/** A step or task that ran: its outputs and node fields (`{{steps.<name>.ip}}`, ...). */
export interface NodeHandle<O> {
  readonly name: string;
  readonly outputs: NodeOutputs<O>;
  readonly id: ParamRef;
  /** IP of a daemon step's pod. */
  readonly ip: ParamRef;
  readonly status: ParamRef;
  readonly exitCode: ParamRef;
  readonly startedAt: ParamRef;
  readonly finishedAt: ParamRef;
  readonly hostNodeName: ParamRef;
}

export function nodeHandle<O>(scope: 'steps' | 'tasks', name: string): NodeHandle<O> {
  const prefix = `${scope}.${name}`;
  return {
    name,
    outputs: nodeOutputs<O>(prefix),
    id: paramRef(`${prefix}.id`),
    ip: paramRef(`${prefix}.ip`),
    status: paramRef(`${prefix}.status`),
    exitCode: paramRef(`${prefix}.exitCode`),
    startedAt: paramRef(`${prefix}.startedAt`),
    finishedAt: paramRef(`${prefix}.finishedAt`),
    hostNodeName: paramRef(`${prefix}.hostNodeName`),
  };
}

/** Renders the fields a step and a task share. */
export function renderNode(
  scope: 'steps' | 'tasks',
  name: string,
  run: Callable<unknown, unknown>,
  opts: (NodeOptions<unknown> & { readonly arguments?: LooseArguments }) | undefined,
  path: readonly PathSegment[],
  use: (c: Callable<unknown, unknown>) => RunRef,
): ArgoStepCommonIR {
  if (!(run instanceof Callable)) {
    throw new DslError({ path, problem: 'expected a template, a templateRef or an inline template', got: run, fix: 'Pass the value returned by template(), templateRef() or inline()' });
  }
  const { arguments: declared, undeclaredArguments: undeclared, onExit, hooks, ...rest } = opts ?? {};
  const args = mergeArguments(declared, undeclared, run, path);
  const loops = ['withItems', 'withParam', 'withSequence'].filter((k) => (rest as Record<string, unknown>)[k] !== undefined);
  if (loops.length > 1) throw new DslError({ path, problem: 'a step fans out over one source at most', got: loops, fix: 'Keep one of withItems, withParam and withSequence' });
  return {
    name,
    ...use(run),
    ...plain(rest, path),
    ...(args !== undefined ? { arguments: ioToIR<ArgoArgumentsIR>(args, [...path, 'arguments']) } : {}),
    ...(onExit !== undefined ? { onExit: templateName(use, onExit, [...path, 'onExit']) } : {}),
    ...(hooks !== undefined ? { hooks: renderHooks(typeof hooks === 'function' ? hooks(nodeHandle(scope, name)) : hooks, [...path, 'hooks'], use) } : {}),
  };
}

function mergeArguments(declared: LooseArguments | undefined, undeclared: LooseArguments | undefined, run: Callable<unknown, unknown>, path: readonly PathSegment[]): LooseArguments | undefined {
  if (undeclared === undefined) return declared;
  const inputs = run instanceof Template ? run.inputs : undefined;
  for (const kind of ['parameters', 'artifacts'] as const) {
    for (const name of Object.keys(undeclared[kind] ?? {})) {
      if (inputs?.[kind]?.[name] !== undefined || declared?.[kind]?.[name] !== undefined) {
        throw new DslError({ path: [...path, 'undeclaredArguments'], problem: `"${name}" is a declared input of the template, not an undeclared argument`, got: name, fix: 'Pass it under arguments' });
      }
    }
  }
  const merge = <V>(a?: Readonly<Record<string, V>>, b?: Readonly<Record<string, V>>) => (a || b ? { ...a, ...b } : undefined);
  const parameters = merge(declared?.parameters, undeclared.parameters);
  const artifacts = merge(declared?.artifacts, undeclared.artifacts);
  return { ...(parameters ? { parameters } : {}), ...(artifacts ? { artifacts } : {}) };
}

export function renderHooks(hooks: HooksDecl, path: readonly PathSegment[], use: (c: Callable<unknown, unknown>) => RunRef): Record<string, ArgoLifecycleHookIR> {
  return Object.fromEntries(
    Object.entries(hooks).map(([key, h]) => {
      const at = [...path, seg('hook', key)];
      if (!(h.template instanceof Callable)) throw new DslError({ path: at, problem: 'a hook runs a template', got: h.template, fix: 'Pass template: <a template or templateRef>' });
      const run = use(h.template);
      if ('inline' in run) throw new DslError({ path: at, problem: 'hooks cannot run inline templates', fix: 'Declare the template with template()' });
      return [key, { ...run, ...(h.arguments ? { arguments: ioToIR<ArgoArgumentsIR>(h.arguments, [...at, 'arguments']) } : {}), ...(h.expression !== undefined ? { expression: String(h.expression) } : {}) }];
    }),
  );
}

/** `onExit` fields take a template of this workflow and render its name. */
export function templateName(use: (c: Callable<unknown, unknown>) => RunRef, t: unknown, path: readonly PathSegment[]): string {
  if (!(t instanceof Template)) throw new DslError({ path, problem: 'onExit runs a template of this workflow', got: t, fix: 'Pass the value returned by template()' });
  use(t);
  return t.name;
}

/** Keeps step and task names unique within their template. */
export function claimName(seen: Set<string>, name: string, path: readonly PathSegment[], what: string): void {
  if (seen.has(name)) throw new DslError({ path, problem: `two ${what}s are named "${name}"`, got: name, fix: `Give every ${what} of this template a unique name` });
  seen.add(name);
}
