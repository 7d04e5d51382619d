import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoOutputsIR, ArgoInputsIR } from '../ir/argo-artifacts.ts';
import type {
  ArgoContainerSet,
  ArgoDataTemplate,
  ArgoHttpTemplate,
  ArgoResourceTemplate,
  ArgoScript,
  ArgoTemplateCommon,
  ArgoTemplateIR,
  ArgoTemplateRef,
} from '../ir/argo-template.ts';
import type { KubeContainer } from '../ir/argo-kube.ts';
import type { JsonValue } from '../ir/values.ts';
import { checkTemplateReferences } from './lint.ts';
import { ioToIR, templateIO, type InputsDecl, type OutputsDecl, type TemplateIO } from './io.ts';
import { plain } from './plain.ts';
import { brand, guard } from '../common/brand.ts';

/**
 * Anything a step, task or hook can run: a template of this workflow, a template of a
 * WorkflowTemplate (`templateRef`), or an inline template. `I` and `O` are its inputs and outputs.
 *
 * @example
 * ```ts
 * const runs: Callable<{ parameters: { message: {} } }> = printMessage; // or wt.templateRef(printMessage)
 * ```
 */
export abstract class Callable<I = {}, O = {}> {
  /** Phantom: the declared inputs and outputs, for typed arguments and output references. */
  declare readonly __io?: { readonly in: I; readonly out: O };
}
brand(Callable, 'argo.Callable');
/** Whether a value is anything a step, task or hook can run, made by this copy of argosy or another. */
export const isCallable = guard<Callable<unknown, unknown>>('argo.Callable');

/** A template body that builds itself later (steps and DAGs), so templates can refer to each other. */
export interface DeferredBody {
  readonly kind: 'steps' | 'dag';
  /** Renders the body; `use` records every callable it runs. */
  render(path: readonly PathSegment[], use: (c: Callable<unknown, unknown>) => RunRef): unknown;
}

/** How a step or task names what it runs. */
export type RunRef =
  { readonly template: string } | { readonly templateRef: ArgoTemplateRef } | { readonly inline: ArgoTemplateIR };

interface Kinds {
  readonly container: KubeContainer;
  readonly script: ArgoScript;
  readonly containerSet: ArgoContainerSet;
  readonly resource: ArgoResourceTemplate;
  readonly suspend: { readonly duration?: string };
  readonly http: ArgoHttpTemplate;
  readonly data: ArgoDataTemplate;
  /** An executor plugin call: the plugin's name and its configuration (JSON). */
  readonly plugin: Readonly<Record<string, JsonValue>>;
  readonly steps: DeferredBody & { readonly kind: 'steps' };
  readonly dag: DeferredBody & { readonly kind: 'dag' };
}

const KINDS = [
  'container',
  'script',
  'containerSet',
  'resource',
  'suspend',
  'http',
  'data',
  'plugin',
  'steps',
  'dag',
] as const;

/** Exactly one template kind: setting two (say `container` and `script`) is a compile error. */
export type TemplateKind = {
  [K in keyof Kinds]: { readonly [P in K]: Kinds[K] } & { readonly [P in Exclude<keyof Kinds, K>]?: never };
}[keyof Kinds];

/** A template's body: common fields, its outputs and exactly one kind. */
export type TemplateBody<O extends OutputsDecl = {}> = Omit<ArgoTemplateCommon, 'inputs' | 'outputs'> & {
  readonly outputs?: O;
} & TemplateKind;

/**
 * A template's full spec when it does not need references to its own inputs.
 *
 * @example
 * ```ts
 * template('whalesay', { container: { image: 'docker/whalesay', command: ['cowsay'], args: ['hello'] } })
 * ```
 */
export type TemplateSpec<I extends InputsDecl = {}, O extends OutputsDecl = {}> = TemplateBody<O> & {
  readonly inputs?: I;
};

/**
 * A named template of a workflow, with typed inputs `I` and outputs `O`. Annotate a template
 * that runs itself, because TypeScript cannot infer a type from its own initializer.
 *
 * @example
 * ```ts
 * const coinflip: Template = template('coinflip', { steps: steps((s) => { s.step('again', coinflip); }) });
 * ```
 */
export class Template<I = {}, O = {}> extends Callable<I, O> {
  readonly kind = 'template' as const;
  private rendered?: { readonly ir: ArgoTemplateIR; readonly uses: readonly Callable<unknown, unknown>[] };
  private rendering = false;

  constructor(
    readonly name: string,
    /** @internal The declared inputs. */
    readonly inputs: InputsDecl | undefined,
    private readonly spec: () => TemplateBody<OutputsDecl>,
  ) {
    super();
  }

  /** Renders this template once; `uses` are the callables its steps, tasks and hooks run. */
  render(): { readonly ir: ArgoTemplateIR; readonly uses: readonly Callable<unknown, unknown>[] } {
    if (this.rendered) return this.rendered;
    const path = [seg('template', this.name)];
    if (this.rendering)
      throw new DslError({
        path,
        problem: 'the template needs its own rendered body while rendering it',
        fix: 'Reference templates from steps or tasks, which are built lazily',
      });
    this.rendering = true;
    try {
      const uses: Callable<unknown, unknown>[] = [];
      const ir = renderTemplate(
        { name: this.name, ...(this.inputs ? { inputs: this.inputs } : {}), ...this.spec() },
        path,
        (c) => {
          uses.push(c);
          return runRef(c, path);
        },
      );
      this.rendered = { ir, uses };
      return this.rendered;
    } finally {
      this.rendering = false;
    }
  }
}
brand(Template, 'argo.Template');
/** Whether a value is a template declared with `template()`. */
export const isTemplate = guard<Template<unknown, unknown>>('argo.Template');

/**
 * A template of a WorkflowTemplate or ClusterWorkflowTemplate, run through `templateRef`.
 *
 * @example
 * ```ts
 * const print: TemplateRefCallable<{ parameters: { message: {} } }> = library.templateRef(printMessage);
 * ```
 */
export class TemplateRefCallable<I = {}, O = {}> extends Callable<I, O> {
  readonly kind = 'templateRef' as const;
  constructor(
    readonly ref: ArgoTemplateRef,
    /** @internal The referenced template's inputs, when it is defined in this program. */
    readonly inputs?: { readonly decl: InputsDecl | undefined },
  ) {
    super();
  }
}
brand(TemplateRefCallable, 'argo.TemplateRefCallable');
/** Whether a value is a template of a WorkflowTemplate (`templateRef`). */
export const isTemplateRefCallable = guard<TemplateRefCallable<unknown, unknown>>('argo.TemplateRefCallable');

/**
 * A template written inline in a step or task (`inline:`); build it with {@link inline}.
 *
 * @example
 * ```ts
 * const argosay: InlineTemplate = inline({ container: { image: 'argoproj/argosay:v2' } });
 * ```
 */
export class InlineTemplate<I = {}, O = {}> extends Callable<I, O> {
  readonly kind = 'inline' as const;
  constructor(readonly spec: TemplateSpec<InputsDecl, OutputsDecl>) {
    super();
  }
}
brand(InlineTemplate, 'argo.InlineTemplate');
/** Whether a value is an inline template. */
export const isInlineTemplate = guard<InlineTemplate<unknown, unknown>>('argo.InlineTemplate');

/**
 * Declares a template. Pass the whole spec, or declare the inputs and build the body from typed
 * handles to them (`io.inputs.parameters.<name>`), so a misspelt input is a compile error.
 * Templates run by steps, tasks, hooks and `onExit` are added to the workflow automatically.
 *
 * @example
 * ```ts
 * const printMessage = template('print-message', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
 *   container: { image: 'busybox', command: ['echo'], args: [inputs.parameters.message] },
 * }));
 * ```
 */
export function template<const I extends InputsDecl = {}, const O extends OutputsDecl = {}>(
  name: string,
  spec: TemplateSpec<I, O>,
): Template<I, O>;
export function template<const I extends InputsDecl = {}, const O extends OutputsDecl = {}>(
  name: string,
  signature: { readonly inputs?: I },
  build: (io: TemplateIO<I>) => TemplateBody<O>,
): Template<I, O>;
export function template(
  name: string,
  spec: TemplateSpec<InputsDecl, OutputsDecl> | { readonly inputs?: InputsDecl },
  build?: (io: TemplateIO<InputsDecl>) => TemplateBody<OutputsDecl>,
): Template<InputsDecl, OutputsDecl> {
  assertTemplateName(name, [seg('template', String(name))]);
  if (spec === null || typeof spec !== 'object') {
    throw new DslError({
      path: [seg('template', name)],
      problem: 'the second argument must be the template spec',
      got: spec,
      fix: "Write template(name, { container: { image: 'busybox' } })",
    });
  }
  if (build === undefined) {
    const { inputs, ...body } = spec as TemplateSpec<InputsDecl, OutputsDecl>;
    return new Template(name, inputs, () => body);
  }
  if (typeof build !== 'function') {
    throw new DslError({
      path: [seg('template', name)],
      problem: 'the third argument must be a function of the io handles',
      got: build,
      fix: 'Write template(name, { inputs }, (io) => ({ container: ... }))',
    });
  }
  // Built lazily: the body may run templates that are declared further down the file.
  let body: TemplateBody<OutputsDecl> | undefined;
  return new Template(name, spec.inputs, () => (body ??= build(templateIO())));
}

/**
 * A template written inline in a step or task.
 *
 * @example
 * ```ts
 * s.step('a', inline({ container: { image: 'argoproj/argosay:v2' } }));
 * ```
 */
export function inline<const I extends InputsDecl = {}, const O extends OutputsDecl = {}>(
  spec: TemplateSpec<I, O>,
): InlineTemplate<I, O> {
  return new InlineTemplate(spec as TemplateSpec<InputsDecl, OutputsDecl>);
}

/** Inputs and outputs of a template known only by name: any argument names, none required. */
export interface LooseIO {
  readonly parameters: Readonly<Record<string, { readonly default: string }>>;
  readonly artifacts: Readonly<Record<string, { readonly optional: true }>>;
}

/**
 * Runs a template of a WorkflowTemplate that is not defined in this program (e.g. installed on
 * the cluster). Prefer `wt.templateRef(tpl)` on a WorkflowTemplate you define: it is typed.
 *
 * @example
 * ```ts
 * s.step('hello', templateRef({ name: 'workflow-template-print-message', template: 'print-message' }), {
 *   arguments: { parameters: { message: 'hello world' } },
 * });
 * ```
 */
export function templateRef<I = LooseIO, O = LooseIO>(ref: ArgoTemplateRef): TemplateRefCallable<I, O> {
  return new TemplateRefCallable<I, O>(ref);
}

/** Renders what a step, task or hook runs. */
export function runRef(c: Callable<unknown, unknown>, path: readonly PathSegment[]): RunRef {
  if (isTemplate(c)) return { template: c.name };
  if (isTemplateRefCallable(c)) return { templateRef: plain(c.ref, [...path, 'templateRef']) };
  if (isInlineTemplate(c))
    return { inline: renderTemplate(c.spec, [...path, 'inline'], (inner) => runRef(inner, path)) };
  throw new DslError({
    path,
    problem: 'expected a template, a templateRef or an inline template',
    got: c,
    fix: 'Pass the value returned by template(), templateRef() or inline()',
  });
}

/** Turns a template spec into Argo's template object. */
export function renderTemplate(
  spec: TemplateSpec<InputsDecl, OutputsDecl> & { readonly name?: string },
  path: readonly PathSegment[],
  use: (c: Callable<unknown, unknown>) => RunRef,
): ArgoTemplateIR {
  const kinds = KINDS.filter((k) => (spec as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) {
    throw new DslError({
      path,
      problem:
        kinds.length === 0
          ? 'a template needs exactly one kind'
          : `a template has exactly one kind, this one has ${kinds.join(' and ')}`,
      got: kinds,
      fix: `Set one of ${KINDS.join(', ')}`,
    });
  }
  const { inputs, outputs, steps, dag, ...rest } = spec as TemplateSpec<InputsDecl, OutputsDecl> & {
    readonly steps?: DeferredBody;
    readonly dag?: DeferredBody;
  };
  const ir: ArgoTemplateIR = {
    ...plain(rest, path),
    ...(inputs !== undefined ? { inputs: ioToIR<ArgoInputsIR>(inputs, [...path, 'inputs']) } : {}),
    ...(outputs !== undefined ? { outputs: ioToIR<ArgoOutputsIR>(outputs, [...path, 'outputs']) } : {}),
    ...(steps !== undefined ? { steps: steps.render([...path, 'steps'], use) as ArgoTemplateIR['steps'] } : {}),
    ...(dag !== undefined ? { dag: dag.render([...path, 'dag'], use) as ArgoTemplateIR['dag'] } : {}),
  };
  checkTemplateReferences(ir, path);
  return ir;
}

/** Argo template, step and task names: letters, digits, `-` and `_`, up to 128 characters. */
export function assertTemplateName(name: unknown, path: readonly PathSegment[], what = 'template name'): string {
  if (typeof name !== 'string' || !/^[a-zA-Z0-9][-a-zA-Z0-9_]*$/.test(name) || name.length > 128) {
    throw new DslError({
      path,
      problem: `${what} must start with a letter or digit and hold only letters, digits, "-" and "_"`,
      got: name,
      fix: 'Use e.g. "print-message"',
    });
  }
  return name;
}
