import { ArgoError, wrap } from './argo-error.ts';
import { show } from '../object-path.ts';
import type { TemplateContext } from './context.ts';
import { checkLeaf, checkMetrics, checkPodResources, checkReservedNames } from './leaf.ts';
import { checkNames, hasOutput, isLeaf, isPodType, templateType, templateTypes } from './names.ts';
import { argsOf, FAKE_ARGS, hasLocation, valueString, type ArgsProvider } from './arguments.ts';
import { checkOutputs } from './outputs.ts';
import { validateDag, validateSteps } from './steps-dag.ts';
import type { Artifact, LifecycleHook, Parameter, Template, TemplateHolder } from './types.ts';
import { list } from './types.ts';
import {
  ANY_WORKFLOW_OUTPUT_ARTIFACT,
  ANY_WORKFLOW_OUTPUT_PARAMETER,
  hasVariable,
  isParameterRef,
  placeholder,
  type Scope,
  substituteJson,
} from './variables.ts';

/** How a check runs: `lint` (argo lint), `submit` (submission) or neither (the controller). */
export interface ArgoValidateOptions {
  readonly lint?: boolean;
  readonly submit?: boolean;
  readonly ignoreEntrypoint?: boolean;
  readonly workflowTemplateValidation?: boolean;
  /**
   * Called for a templateRef/workflowTemplateRef to a (Cluster)WorkflowTemplate the store does
   * not hold, which is then skipped instead of failing (`argosy validate --external-refs warn`).
   */
  readonly onExternalRef?: (kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate', name: string) => void;
}

/**
 * Argo's template validation, re-implemented over plain objects: one instance checks one
 * Workflow (with the templates it references), stopping at the first violation like Argo.
 */
export class ArgoValidator {
  /** Variables available everywhere, with their (placeholder) values. */
  readonly globals = new Map<string, string>();
  private readonly done = new Set<string>();

  constructor(readonly opts: ArgoValidateOptions) {}

  /** Checks the template a step/task/entrypoint points at; undefined when it cannot be known statically. */
  holder(h: TemplateHolder, ctx: TemplateContext, args: ArgsProvider): Template | undefined {
    if (h.templateRef) {
      if (h.template) throw new ArgoError('template name cannot be specified with templateRef.');
      if (!h.templateRef.name) throw new ArgoError('resource name is required');
      if (!h.templateRef.template) throw new ArgoError('template name is required');
      // A reference computed from parameters is only known when the workflow runs.
      if (hasVariable(h.templateRef.name) || hasVariable(h.templateRef.template)) return undefined;
      const cluster = h.templateRef.clusterScope === true;
      if (this.opts.onExternalRef && !ctx.store.get(show(h.templateRef.name), cluster, ctx.base.namespace)) {
        this.opts.onExternalRef(cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate', show(h.templateRef.name));
        return undefined;
      }
    }
    const { ctx: inner, template } = ctx.resolve(h);
    const policy = template.retryStrategy?.retryPolicy;
    if (policy !== undefined && !['Always', 'OnError', 'OnFailure', 'OnTransientError', ''].includes(policy)) {
      throw new ArgoError(`${show(policy)} is not a valid RetryPolicy`);
    }
    this.template(template, inner, args);
    return template;
  }

  /**
   * Lifecycle hooks of a workflow, step or task (`where` is `hooks` or the
   * step/task, e.g. `templates.main.steps[0].a`): non-exit hooks need an expression, and every hook's
   * template or templateRef must resolve like an onExit handler, called with the hook's arguments.
   */
  hooks(hooks: Record<string, LifecycleHook> | undefined, where: string, ctx: TemplateContext): void {
    for (const [name, hook] of Object.entries(hooks ?? {})) {
      if (name !== 'exit' && !hook?.expression) throw new ArgoError(`${where}.${name} Expression required`);
      if (!hook?.template && !hook?.templateRef)
        throw new ArgoError(`${where}.${name} template or templateRef is required`);
      const target: TemplateHolder = {
        ...(hook.template ? { template: hook.template } : {}),
        ...(hook.templateRef ? { templateRef: hook.templateRef } : {}),
      };
      // As for steps: the template is checked on its own first (the hook's arguments may read the
      // step's outputs, resolved in the caller's scope), then bound to the arguments the hook passes.
      wrap(`${where}.${name} `, () => this.holder(target, ctx, FAKE_ARGS));
      wrap(`${where}.${name} `, () => this.holder(target, ctx, argsOf(hook.arguments)));
    }
  }

  template(t: Template, ctx: TemplateContext, args: ArgsProvider): void {
    const name = show(t.name ?? '');
    const types = templateTypes(t);
    const choose =
      'choose one of: container, containerSet, steps, script, resource, dag, suspend, template, template ref';
    if (types.length === 0) throw new ArgoError(`templates.${name} template type unspecified. ${choose}`);
    if (types.length > 1) throw new ArgoError(`templates.${name} multiple template types specified. ${choose}`);
    const scope = this.inputsScope(t);
    if (list<{ name?: string }>(t.initContainers).some((c) => !c?.name))
      throw new ArgoError('initContainers must all have container name');
    checkReservedNames(t);
    checkPodResources(t, `templates.${name}`);
    const locals = new Map<string, string>();
    const local = (k: string): void => {
      const v = placeholder();
      locals.set(k, v);
      scope.add(k);
    };
    if (isPodType(t)) local('pod.name');
    if (t.retryStrategy)
      ['retries', 'retries.lastExitCode', 'retries.lastStatus', 'retries.lastDuration', 'retries.lastMessage'].forEach(
        local,
      );
    if (isLeaf(t)) {
      list<Artifact>(t.outputs?.artifacts).forEach(
        (a) => a?.path && scope.add(`outputs.artifacts.${show(a.name)}.path`),
      );
      list<Parameter>(t.outputs?.parameters).forEach(
        (p) => p?.valueFrom?.path && scope.add(`outputs.parameters.${show(p.name)}.path`),
      );
    }
    const processed = wrap(`templates.${name} `, () => this.processArgs(t, args, locals));
    if (typeof processed.timeout === 'string' && processed.timeout !== '') {
      if (!isLeaf(processed)) throw new ArgoError(`${templateType(processed)} template doesn't support timeout field.`);
      if (/^[-+]?\d+$/.test(processed.timeout)) throw new ArgoError(`${name} has invalid duration format in timeout.`);
    }
    const key = `${ctx.scope}#${name}`;
    if (this.done.has(key)) return;
    this.done.add(key);
    for (const g of this.globals.keys()) scope.add(g);
    const type = templateType(processed);
    if (type === 'Steps') validateSteps(this, scope, ctx, processed);
    else if (type === 'DAG') validateDag(this, scope, ctx, processed);
    else checkLeaf(this, scope, ctx, processed);
    checkOutputs(this, scope, processed);
    if (processed.archiveLocation?.git && !processed.archiveLocation.git.repo)
      throw new ArgoError(`templates.${name}.archiveLocation.git.repo is required`);
    checkMetrics(processed, name);
  }

  private inputsScope(t: Template): Scope {
    const name = show(t.name ?? '');
    const params = list<Parameter>(t.inputs?.parameters);
    const arts = list<Artifact>(t.inputs?.artifacts);
    wrap(`templates.${name}.inputs.parameters`, () => checkNames(params, 'param'));
    wrap(`templates.${name}.inputs.artifacts`, () => checkNames(arts, 'param'));
    const scope: Scope = new Set(params.map((p) => `inputs.parameters.${show(p.name)}`));
    if (params.length > 0) scope.add('inputs.parameters');
    for (const a of arts) {
      const ref = `inputs.artifacts.${show(a.name)}`;
      scope.add(ref);
      if (isLeaf(t)) {
        if (typeof a.path === 'string' && a.path.split('/').includes('..'))
          throw new ArgoError(`error in templates.${name}.${ref}: path '${show(a.path)}' must not contain '..'`);
        scope.add(`${ref}.path`);
      } else if (a.path) {
        throw new ArgoError(`templates.${name}.${ref}.path only valid in container/script templates`);
      }
      if (a.from) throw new ArgoError(`templates.${name}.${ref}.from not valid in inputs`);
      if (a.git && !a.git.repo) throw new ArgoError(`templates.${name}.${ref}.git.repo is required`);
    }
    return scope;
  }

  /** Binds arguments to inputs and substitutes globals, locals and inputs, as Argo does before checking. */
  private processArgs(t: Template, args: ArgsProvider, locals: ReadonlyMap<string, string>): Template {
    const copy = JSON.parse(JSON.stringify(t)) as Template;
    const params = list<Parameter>(copy.inputs?.parameters);
    for (const p of params) {
      if (p.value === undefined && p.default !== undefined) p.value = p.default;
      const arg = args.param(show(p.name));
      if (arg) {
        if (arg.value !== undefined && arg.value !== null) {
          p.value = arg.value;
          delete p.valueFrom;
        } else {
          p.valueFrom = arg.valueFrom;
          delete p.value;
        }
      }
      if (!p.valueFrom?.configMapKeyRef && (p.value === undefined || p.value === null))
        throw new ArgoError(`inputs.parameters.${show(p.name)} was not supplied`);
    }
    const arts = list<Artifact>(copy.inputs?.artifacts);
    arts.forEach((a, i) => {
      const arg = args.artifact(show(a.name));
      if (!a.optional && !hasLocation(a) && !arg)
        throw new ArgoError(`inputs.artifacts.${show(a.name)} was not supplied`);
      if (arg) arts[i] = { ...arg, path: a.path, ...(a.mode !== undefined ? { mode: a.mode } : {}) } as Artifact;
    });
    const first = new Map([...this.globals, ...locals]);
    const json = substituteJson(JSON.stringify(copy), first);
    const replaced = JSON.parse(json) as Template;
    const values = new Map(first);
    for (const p of list<Parameter>(replaced.inputs?.parameters))
      if (p.value !== undefined) values.set(`inputs.parameters.${show(p.name)}`, valueString(p.value));
    values.set('inputs.parameters', JSON.stringify(list(replaced.inputs?.parameters)));
    for (const a of list<Artifact>(replaced.inputs?.artifacts))
      if (a.path) values.set(`inputs.artifacts.${show(a.name)}.path`, a.path);
    for (const a of list<Artifact>(replaced.outputs?.artifacts))
      if (a.path) values.set(`outputs.artifacts.${show(a.name)}.path`, a.path);
    for (const p of list<Parameter>(replaced.outputs?.parameters))
      if (p.valueFrom?.path) values.set(`outputs.parameters.${show(p.name)}.path`, p.valueFrom.path);
    return JSON.parse(substituteJson(json, values)) as Template;
  }

  /** Adds what a finished step/task exposes (`<prefix>.outputs.*`, `.id`, ...) to a scope. */
  addOutputs(t: Template | undefined, prefix: string, scope: Scope, aggregate: boolean, ancestor: boolean): void {
    ['id', 'startedAt', 'finishedAt', 'hostNodeName'].forEach((f) => scope.add(`${prefix}.${f}`));
    if (!t) return;
    if (t.daemon === true) scope.add(`${prefix}.ip`);
    if (hasOutput(t)) {
      scope.add(`${prefix}.outputs.result`);
      scope.add(`${prefix}.exitCode`);
    }
    for (const p of list<Parameter>(t.outputs?.parameters)) {
      scope.add(`${prefix}.outputs.parameters.${show(p.name)}`);
      if (p.globalName) this.addGlobalOutput('parameters', p.globalName, scope);
    }
    for (const a of list<Artifact>(t.outputs?.artifacts)) {
      scope.add(`${prefix}.outputs.artifacts.${show(a.name)}`);
      if (a.globalName) this.addGlobalOutput('artifacts', a.globalName, scope);
    }
    if (aggregate) {
      const type = templateType(t);
      if (type === 'Script' || type === 'ContainerSet') {
        scope.add(`${prefix}.outputs.result`);
        scope.add(`${prefix}.exitCode`);
      }
      scope.add(`${prefix}.outputs.parameters`);
    }
    if (ancestor) scope.add(`${prefix}.status`);
  }

  /** Registers the global outputs (`globalName`) of templates, which any template may read. */
  registerGlobalOutputs(templates: readonly Template[]): void {
    for (const t of templates) {
      for (const p of list<Parameter>(t?.outputs?.parameters))
        if (typeof p?.globalName === 'string' && p.globalName)
          this.addGlobalOutput('parameters', p.globalName, new Set());
      for (const a of list<Artifact>(t?.outputs?.artifacts))
        if (typeof a?.globalName === 'string' && a.globalName)
          this.addGlobalOutput('artifacts', a.globalName, new Set());
    }
  }

  private addGlobalOutput(kind: 'parameters' | 'artifacts', rawName: string, scope: Scope): void {
    // Global names may be built from workflow parameters, whose values are known here.
    const globalName = JSON.parse(substituteJson(JSON.stringify(rawName), this.globals)) as string;
    if (isParameterRef(globalName)) {
      scope.add(kind === 'parameters' ? ANY_WORKFLOW_OUTPUT_PARAMETER : ANY_WORKFLOW_OUTPUT_ARTIFACT);
      return;
    }
    const key = `workflow.outputs.${kind}.${globalName}`;
    scope.add(key);
    this.globals.set(key, placeholder());
  }
}
