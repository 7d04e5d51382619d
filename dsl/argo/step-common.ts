import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoArgumentsIR } from '../ir/argo-artifacts.ts';
import type { ArgoLifecycleHookIR, ArgoSequence, ArgoStepCommonIR } from '../ir/argo-template.ts';
import type { JsonValue } from '../ir/values.ts';
import { ioToIR, nodeOutputs, type ArgumentsFor, type LooseArguments, type NodeOutputs } from './io.ts';
import { plain } from './plain.ts';
import { paramRef, type ParamRef } from './refs.ts';
import { checkCallArguments, requiredInputs, type NoRequiredInputs } from './argument-check.ts';
import {
  isCallable,
  isTemplate,
  isTemplateRefCallable,
  type Callable,
  type RunRef,
  type Template,
} from './template.ts';

/**
 * A lifecycle hook running a template with inputs `I`: when the workflow, step or task exits
 * (`exit`) or when an expression becomes true (any other key). `arguments` are checked against
 * the template's inputs like a step's, and required when it has required inputs.
 *
 * @example
 * ```ts
 * hooks: { exit: { template: http }, running: { expression: `${vars.workflow.status} == "Running"`, template: http } }
 * ```
 */
export type HookDecl<I = {}> = {
  readonly template: Callable<I, unknown>;
  readonly expression?: string;
} & ArgsOption<I>;

/** Hooks by name; `H` maps each name to its template's inputs (inferred, never written by hand). */
export type HooksDecl<H = {}> = { readonly [K in keyof H]: HookDecl<H[K]> };

/** What the renderer reads of a hook, whatever its template's inputs. */
export interface LooseHook {
  readonly template: Callable<unknown, unknown>;
  readonly arguments?: LooseArguments;
  readonly expression?: string;
}

/** Options shared by steps and DAG tasks, besides `arguments`. `O` are the outputs of what runs, `H` the inputs of its hooks' templates. */
export interface NodeOptions<O = unknown, H = {}> {
  /** Run only when this holds, e.g. `` `${flip.outputs.result} == heads` ``. */
  readonly when?: string;
  /** Fan out over a literal list; reference the current value with `item`. */
  readonly withItems?: readonly JsonValue[];
  /** Fan out over a JSON list produced at run time. */
  readonly withParam?: string;
  /** Fan out over a number sequence. */
  readonly withSequence?: ArgoSequence;
  readonly continueOn?: { readonly error?: boolean; readonly failed?: boolean };
  /**
   * @deprecated by Argo in favour of `hooks: { exit: ... }`, still supported. Argo gives it no
   * arguments of its own (only the workflow's, matched by name), so its template must not have
   * required inputs; use an exit hook to pass them explicitly.
   */
  readonly onExit?: Template<NoRequiredInputs, unknown>;
  /**
   * Arguments the template does not declare. Argo passes them and the template never sees them,
   * so this is almost always a mistake; it exists to state such a call explicitly.
   */
  readonly undeclaredArguments?: LooseArguments;
  /** Hooks; a function receives this node's handle, so an exit hook can pass on its outputs. */
  readonly hooks?: HooksDecl<H> | ((self: NodeHandle<O>) => HooksDecl<H>);
}

/** What the renderer reads of a step's or task's options. */
export interface LooseNodeOptions extends Omit<NodeOptions, 'onExit' | 'hooks'> {
  readonly onExit?: Template<unknown, unknown>;
  readonly hooks?:
    Readonly<Record<string, LooseHook>> | ((self: NodeHandle<unknown>) => Readonly<Record<string, LooseHook>>);
  readonly arguments?: LooseArguments;
}

/** `arguments`, required exactly when the template has required inputs. */
export type ArgsOption<I> =
  {} extends ArgumentsFor<I> ? { readonly arguments?: ArgumentsFor<I> } : { readonly arguments: ArgumentsFor<I> };

/** Options of a step running a template with inputs `I`; `arguments` is required when `I` has required inputs. */
export type StepOptions<I, O = unknown, H = {}> = NodeOptions<O, H> & ArgsOption<I>;

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
  opts: LooseNodeOptions | undefined,
  path: readonly PathSegment[],
  use: (c: Callable<unknown, unknown>) => RunRef,
): ArgoStepCommonIR {
  if (!isCallable(run)) {
    throw new DslError({
      path,
      problem: 'expected a template, a templateRef or an inline template',
      got: run,
      fix: 'Pass the value returned by template(), templateRef() or inline()',
    });
  }
  const { arguments: declared, undeclaredArguments: undeclared, onExit, hooks, ...rest } = opts ?? {};
  checkRunArguments(run, declared, path);
  const args = mergeArguments(declared, undeclared, run, path);
  const loops = ['withItems', 'withParam', 'withSequence'].filter(
    (k) => (rest as Record<string, unknown>)[k] !== undefined,
  );
  if (loops.length > 1)
    throw new DslError({
      path,
      problem: 'a step fans out over one source at most',
      got: loops,
      fix: 'Keep one of withItems, withParam and withSequence',
    });
  return {
    name,
    ...use(run),
    ...plain(rest, path),
    ...(args !== undefined ? { arguments: ioToIR<ArgoArgumentsIR>(args, [...path, 'arguments']) } : {}),
    ...(onExit !== undefined ? { onExit: exitTemplateName(use, onExit, [...path, 'onExit']) } : {}),
    ...(hooks !== undefined
      ? {
          hooks: renderHooks(
            typeof hooks === 'function' ? hooks(nodeHandle(scope, name)) : hooks,
            [...path, 'hooks'],
            use,
          ),
        }
      : {}),
  };
}

function mergeArguments(
  declared: LooseArguments | undefined,
  undeclared: LooseArguments | undefined,
  run: Callable<unknown, unknown>,
  path: readonly PathSegment[],
): LooseArguments | undefined {
  if (undeclared === undefined) return declared;
  const inputs = isTemplate(run) ? run.inputs : undefined;
  for (const kind of ['parameters', 'artifacts'] as const) {
    for (const name of Object.keys(undeclared[kind] ?? {})) {
      if (inputs?.[kind]?.[name] !== undefined || declared?.[kind]?.[name] !== undefined) {
        throw new DslError({
          path: [...path, 'undeclaredArguments'],
          problem: `"${name}" is a declared input of the template, not an undeclared argument`,
          got: name,
          fix: 'Pass it under arguments',
        });
      }
    }
  }
  const merge = <V>(a?: Readonly<Record<string, V>>, b?: Readonly<Record<string, V>>) =>
    a || b ? { ...a, ...b } : undefined;
  const parameters = merge(declared?.parameters, undeclared.parameters);
  const artifacts = merge(declared?.artifacts, undeclared.artifacts);
  return { ...(parameters ? { parameters } : {}), ...(artifacts ? { artifacts } : {}) };
}

export function renderHooks(
  hooks: Readonly<Record<string, LooseHook>>,
  path: readonly PathSegment[],
  use: (c: Callable<unknown, unknown>) => RunRef,
): Record<string, ArgoLifecycleHookIR> {
  return Object.fromEntries(
    Object.entries(hooks).map(([key, h]) => {
      const at = [...path, seg('hook', key)];
      if (!isCallable(h.template))
        throw new DslError({
          path: at,
          problem: 'a hook runs a template',
          got: h.template,
          fix: 'Pass template: <a template or templateRef>',
        });
      checkRunArguments(h.template, h.arguments, at);
      const run = use(h.template);
      if ('inline' in run)
        throw new DslError({
          path: at,
          problem: 'hooks cannot run inline templates',
          fix: 'Declare the template with template()',
        });
      return [
        key,
        {
          ...run,
          ...(h.arguments ? { arguments: ioToIR<ArgoArgumentsIR>(h.arguments, [...at, 'arguments']) } : {}),
          ...(h.expression !== undefined ? { expression: String(h.expression) } : {}),
        },
      ];
    }),
  );
}

/**
 * Checks a call's arguments against the inputs of what it runs, when they are known (a template
 * of this program, or one of a WorkflowTemplate defined in it); the types already do for typed callers.
 */
function checkRunArguments(
  run: Callable<unknown, unknown>,
  args: LooseArguments | undefined,
  path: readonly PathSegment[],
): void {
  const known = isTemplate(run)
    ? { inputs: run.inputs, what: `template "${run.name}"` }
    : isTemplateRefCallable(run) && run.inputs !== undefined
      ? { inputs: run.inputs.decl, what: `template "${run.ref.template}" of "${run.ref.name}"` }
      : undefined;
  if (known) checkCallArguments(known.inputs, args, known.what, path);
}

/** `onExit` fields take a template of this workflow and render its name. */
export function templateName(
  use: (c: Callable<unknown, unknown>) => RunRef,
  t: unknown,
  path: readonly PathSegment[],
): string {
  if (!isTemplate(t))
    throw new DslError({
      path,
      problem: 'onExit runs a template of this workflow',
      got: t,
      fix: 'Pass the value returned by template()',
    });
  use(t);
  return t.name;
}

/** A step's or task's `onExit`: Argo passes it no arguments of its own, so it must need none. */
function exitTemplateName(
  use: (c: Callable<unknown, unknown>) => RunRef,
  t: unknown,
  path: readonly PathSegment[],
): string {
  const name = templateName(use, t, path);
  const required = requiredInputs((t as Template<unknown, unknown>).inputs);
  const missing = [...required.parameters, ...required.artifacts];
  if (missing.length) {
    throw new DslError({
      path,
      problem: `onExit template "${name}" has required inputs (${missing.join(', ')}), but a step's onExit passes no arguments of its own`,
      got: missing,
      fix: 'Give them defaults, or use hooks: { exit: { template, arguments } } instead',
    });
  }
  return name;
}

/** Keeps step and task names unique within their template. */
export function claimName(seen: Set<string>, name: string, path: readonly PathSegment[], what: string): void {
  if (seen.has(name))
    throw new DslError({
      path,
      problem: `two ${what}s are named "${name}"`,
      got: name,
      fix: `Give every ${what} of this template a unique name`,
    });
  seen.add(name);
}
