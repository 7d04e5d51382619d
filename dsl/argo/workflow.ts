import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoArgumentsIR } from '../ir/argo-artifacts.ts';
import type { KubeObjectMeta } from '../ir/argo-kube.ts';
import type { ArgoTemplateIR } from '../ir/argo-template.ts';
import type { ArgoCronWorkflowSpecIR, ArgoObjectIR, ArgoWorkflowEventBindingSpecIR, ArgoWorkflowSpecIR } from '../ir/argo-workflow.ts';
import { ioToIR, type LooseArguments } from './io.ts';
import { plain } from './plain.ts';
import { renderHooks, templateName, type HooksDecl } from './step-common.ts';
import { Callable, Template, TemplateRefCallable, runRef, type RunRef } from './template.ts';
import { WorkflowArguments } from './workflow-arguments.ts';

/** Template defaults applied by Argo to every template of the workflow. */
export type TemplateDefaults = Omit<ArgoTemplateIR, 'name' | 'steps' | 'dag' | 'inputs' | 'outputs'>;

/** A reference to a (Cluster)WorkflowTemplate by object or by name. */
export type WorkflowTemplateRefLike = WorkflowTemplateObject | { readonly name: string; readonly clusterScope?: boolean };

/**
 * The spec of a Workflow, WorkflowTemplate or ClusterWorkflowTemplate: Argo's fields, with
 * templates passed as objects. Templates that `entrypoint`, `onExit`, hooks, steps and tasks run
 * are added to `templates` automatically; list others (e.g. library templates) in `templates`.
 */
export interface WorkflowSpec extends Omit<ArgoWorkflowSpecIR, 'entrypoint' | 'templates' | 'onExit' | 'hooks' | 'arguments' | 'templateDefaults' | 'workflowTemplateRef'> {
  readonly entrypoint?: Template<unknown, unknown>;
  readonly templates?: readonly Template<unknown, unknown>[];
  readonly onExit?: Template<unknown, unknown>;
  readonly hooks?: HooksDecl;
  readonly arguments?: WorkflowArguments<unknown> | LooseArguments;
  readonly templateDefaults?: TemplateDefaults;
  readonly workflowTemplateRef?: WorkflowTemplateRefLike;
}

/**
 * An Argo object built by the DSL, ready to be placed in an app (`workflows: [...]`).
 *
 * @example
 * ```ts
 * const objects: ArgoObject[] = [helloWorld, printMessageTemplate];
 * app('examples', { workflows: objects });
 * ```
 */
export class ArgoObject<K extends ArgoObjectIR['kind'] = ArgoObjectIR['kind']> {
  constructor(
    readonly kind: K,
    readonly ir: ArgoObjectIR & { readonly kind: K },
  ) {}
  /** `metadata.name`, or `metadata.generateName` for objects named by the cluster. */
  get name(): string {
    return this.ir.metadata.name ?? this.ir.metadata.generateName ?? '';
  }
}

/**
 * A WorkflowTemplate or ClusterWorkflowTemplate: other workflows run its templates by
 * reference (`templateRef`) or run it whole (`workflowTemplateRef`).
 *
 * @example
 * ```ts
 * workflow({ metadata: { generateName: 'hello-' }, spec: { workflowTemplateRef: submittable } });
 * ```
 */
export class WorkflowTemplateObject extends ArgoObject<'WorkflowTemplate' | 'ClusterWorkflowTemplate'> {
  constructor(
    kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate',
    ir: ArgoObjectIR & { readonly kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate' },
    private readonly templates: readonly Template<unknown, unknown>[],
  ) {
    super(kind, ir);
  }

  /**
   * Runs one of this object's templates from another workflow (`templateRef`), keeping its
   * typed inputs and outputs.
   * @example
   * ```ts
   * s.step('hello', printMessageTemplate.templateRef(printMessage), { arguments: { parameters: { message: 'hi' } } });
   * ```
   */
  templateRef<I, O>(t: Template<I, O>): TemplateRefCallable<I, O> {
    if (!this.templates.includes(t as Template<unknown, unknown>)) {
      throw new DslError({ path: [seg(this.kind, this.name)], problem: `template "${(t as { name?: string }).name}" is not one of this ${this.kind}'s templates`, got: this.templates.map((x) => x.name), fix: 'Pass a template listed in (or run by) its spec' });
    }
    return new TemplateRefCallable<I, O>({ name: this.name, template: t.name, ...(this.kind === 'ClusterWorkflowTemplate' ? { clusterScope: true } : {}) });
  }

  /** The `workflowTemplateRef` that runs this object. */
  get ref(): { readonly name: string; readonly clusterScope?: boolean } {
    return { name: this.name, ...(this.kind === 'ClusterWorkflowTemplate' ? { clusterScope: true } : {}) };
  }
}

/** Renders a workflow spec; returns the IR and the templates it holds. */
export function buildWorkflowSpec(spec: WorkflowSpec, path: readonly PathSegment[]): { readonly ir: ArgoWorkflowSpecIR; readonly templates: Template<unknown, unknown>[] } {
  const { entrypoint, templates, onExit, hooks, arguments: args, templateDefaults, workflowTemplateRef, ...rest } = spec;
  const ordered: Template<unknown, unknown>[] = [];
  const byName = new Map<string, Template<unknown, unknown>>();
  const add = (t: Template<unknown, unknown>, at: readonly PathSegment[]): void => {
    const known = byName.get(t.name);
    if (known === t) return;
    if (known) throw new DslError({ path: at, problem: `two different templates are named "${t.name}"`, got: t.name, fix: 'Rename one of them or reuse the same template object' });
    byName.set(t.name, t);
    ordered.push(t);
  };
  const use = (c: Callable<unknown, unknown>, at: readonly PathSegment[]): RunRef => {
    if (c instanceof Template) add(c, at);
    return runRef(c, at);
  };
  const wtRef = workflowTemplateRef === undefined ? undefined : workflowTemplateRef instanceof WorkflowTemplateObject ? workflowTemplateRef.ref : plain(workflowTemplateRef, [...path, 'workflowTemplateRef']);
  (templates ?? []).forEach((t, i) => {
    if (!(t instanceof Template)) throw new DslError({ path: [...path, `templates[${i}]`], problem: 'expected a template', got: t, fix: 'Pass values returned by template()' });
    add(t, [...path, `templates[${i}]`]);
  });
  if (entrypoint !== undefined && !(entrypoint instanceof Template)) throw new DslError({ path: [...path, 'entrypoint'], problem: 'the entrypoint is a template', got: entrypoint, fix: 'Pass the value returned by template()' });
  // With a workflowTemplateRef the entrypoint names a template of the referenced object.
  if (entrypoint && !wtRef) add(entrypoint, [...path, 'entrypoint']);
  const onExitName = onExit === undefined ? undefined : templateName((c) => use(c, [...path, 'onExit']), onExit, [...path, 'onExit']);
  const hooksIR = hooks === undefined ? undefined : renderHooks(hooks, [...path, 'hooks'], (c) => use(c, [...path, 'hooks']));
  // Rendering a template may add the templates its steps and tasks run; walk until none is new.
  const rendered: ArgoTemplateIR[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const t = ordered[i] as Template<unknown, unknown>;
    const { ir, uses } = t.render();
    uses.forEach((c) => use(c, [...path, seg('template', t.name)]));
    rendered.push(ir);
  }
  if (entrypoint && workflowTemplateRef instanceof WorkflowTemplateObject) workflowTemplateRef.templateRef(entrypoint);
  const argsIR = args === undefined ? undefined : args instanceof WorkflowArguments ? args.toIR([...path, 'arguments']) : ioToIR<ArgoArgumentsIR>(args, [...path, 'arguments']);
  return {
    ir: {
      ...plain(rest, path),
      ...(entrypoint ? { entrypoint: entrypoint.name } : {}),
      ...(argsIR ? { arguments: argsIR } : {}),
      ...(wtRef ? { workflowTemplateRef: wtRef } : {}),
      ...(onExitName ? { onExit: onExitName } : {}),
      ...(hooksIR ? { hooks: hooksIR } : {}),
      ...(templateDefaults ? { templateDefaults: plain(templateDefaults, [...path, 'templateDefaults']) } : {}),
      ...(rendered.length ? { templates: rendered } : {}),
    },
    templates: ordered,
  };
}

/** Metadata of a named object (WorkflowTemplate, CronWorkflow, ...). */
export type NamedMetadata = KubeObjectMeta & { readonly name: string };

/** Metadata of a Workflow: `generateName` (submitted runs) or `name`. */
export type WorkflowMetadata = KubeObjectMeta & ({ readonly name: string } | { readonly generateName: string });

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function checkMetadata(kind: string, metadata: KubeObjectMeta, path: readonly PathSegment[]): KubeObjectMeta {
  const m = plain(metadata, [...path, 'metadata']);
  if (m.name !== undefined && (!SUBDOMAIN.test(m.name) || m.name.length > 253)) {
    throw new DslError({ path: [...path, 'metadata', 'name'], problem: `${kind} names are DNS-1123 subdomains`, got: m.name, fix: 'Use lowercase letters, digits, "-" and "."' });
  }
  if (m.generateName !== undefined && !SUBDOMAIN.test(`${m.generateName}x`)) {
    throw new DslError({ path: [...path, 'metadata', 'generateName'], problem: 'generateName must be a DNS-1123 prefix', got: m.generateName, fix: 'Use lowercase letters, digits and "-", e.g. "hello-world-"' });
  }
  for (const [key, value] of Object.entries(m.labels ?? {})) checkLabel(key, value, [...path, 'metadata', 'labels']);
  if (m.name === undefined && m.generateName === undefined) {
    throw new DslError({ path, problem: `a ${kind} needs metadata.name${kind === 'Workflow' ? ' or metadata.generateName' : ''}`, fix: 'Set metadata.name' });
  }
  return m;
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kubernetes rejects objects whose labels break these rules, so they are checked before synth. */
function checkLabel(key: string, value: unknown, path: readonly PathSegment[]): void {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash === -1 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (!LABEL_NAME.test(name) || name.length > 63 || (prefix !== undefined && (!SUBDOMAIN.test(prefix) || prefix.length > 253))) {
    throw new DslError({ path: [...path, key], problem: 'invalid label key', got: key, fix: 'Use an optional DNS prefix and "/", then up to 63 letters, digits, "-", "_" or "."' });
  }
  if (typeof value !== 'string' || value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) {
    throw new DslError({ path: [...path, key], problem: 'invalid label value', got: value, fix: 'Use up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit' });
  }
}

export const objectPath = (kind: string, metadata: KubeObjectMeta): PathSegment[] => [seg(kind, String(metadata?.name ?? metadata?.generateName ?? '?'))];

/**
 * A Workflow: one run, usually submitted with `argo submit` (use `generateName`). For GitOps,
 * prefer a WorkflowTemplate or CronWorkflow, which Argo CD can sync.
 *
 * @example
 * ```ts
 * export default workflow({ metadata: { generateName: 'hello-world-' }, spec: { entrypoint: whalesay } });
 * ```
 */
export function workflow(def: { readonly metadata: WorkflowMetadata; readonly spec: WorkflowSpec }): ArgoObject<'Workflow'> {
  const path = objectPath('Workflow', def.metadata);
  return new ArgoObject('Workflow', { kind: 'Workflow', metadata: checkMetadata('Workflow', def.metadata, path), spec: buildWorkflowSpec(def.spec, path).ir });
}

function templateObject(kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate', def: { readonly metadata: NamedMetadata; readonly spec: WorkflowSpec }): WorkflowTemplateObject {
  const path = objectPath(kind, def.metadata);
  const metadata = checkMetadata(kind, def.metadata, path);
  if (metadata.generateName !== undefined) throw new DslError({ path, problem: `a ${kind} has a fixed name`, got: metadata.generateName, fix: 'Use metadata.name' });
  const { ir, templates } = buildWorkflowSpec(def.spec, path);
  return new WorkflowTemplateObject(kind, { kind, metadata, spec: ir }, templates);
}

/**
 * A WorkflowTemplate: a reusable workflow stored in the cluster; workflows run it whole
 * (`workflowTemplateRef`) or run one of its templates (`wt.templateRef(t)`).
 *
 * @example
 * ```ts
 * export const printMessageTemplate = workflowTemplate({ metadata: { name: 'workflow-template-print-message' }, spec: { templates: [printMessage] } });
 * ```
 */
export function workflowTemplate(def: { readonly metadata: NamedMetadata; readonly spec: WorkflowSpec }): WorkflowTemplateObject {
  return templateObject('WorkflowTemplate', def);
}

/**
 * A ClusterWorkflowTemplate: a WorkflowTemplate visible from every namespace.
 *
 * @example
 * ```ts
 * export const printMessageTemplate = clusterWorkflowTemplate({ metadata: { name: 'cluster-workflow-template-print-message' }, spec: { templates: [printMessage] } });
 * ```
 */
export function clusterWorkflowTemplate(def: { readonly metadata: NamedMetadata; readonly spec: WorkflowSpec }): WorkflowTemplateObject {
  return templateObject('ClusterWorkflowTemplate', def);
}

/** A CronWorkflow's spec: Argo's schedule fields plus the workflow to run. */
export interface CronWorkflowSpec extends Omit<ArgoCronWorkflowSpecIR, 'workflowSpec'> {
  readonly workflowSpec: WorkflowSpec;
}

/**
 * A CronWorkflow (Argo v4: `schedules` is a list).
 *
 * @example
 * ```ts
 * cronWorkflow({ metadata: { name: 'hello-world' }, spec: { schedules: ['* * * * *'], workflowSpec: { entrypoint: whalesay } } });
 * ```
 */
export function cronWorkflow(def: { readonly metadata: NamedMetadata; readonly spec: CronWorkflowSpec }): ArgoObject<'CronWorkflow'> {
  const path = objectPath('CronWorkflow', def.metadata);
  const { workflowSpec, ...rest } = def.spec;
  if (!Array.isArray(rest.schedules) || rest.schedules.length === 0) {
    throw new DslError({ path: [...path, 'schedules'], problem: 'a CronWorkflow needs at least one schedule', got: rest.schedules, fix: "Set schedules: ['0 2 * * *']" });
  }
  const spec: ArgoCronWorkflowSpecIR = { ...plain(rest, path), workflowSpec: buildWorkflowSpec(workflowSpec, [...path, 'workflowSpec']).ir };
  return new ArgoObject('CronWorkflow', { kind: 'CronWorkflow', metadata: checkMetadata('CronWorkflow', def.metadata, path), spec });
}

/** A WorkflowEventBinding's spec: which events submit which WorkflowTemplate, with which arguments. */
export interface WorkflowEventBindingSpec {
  readonly event: { readonly selector: string };
  readonly submit?: { readonly workflowTemplateRef: WorkflowTemplateRefLike; readonly metadata?: KubeObjectMeta; readonly arguments?: LooseArguments };
}

/**
 * A WorkflowEventBinding: submits a WorkflowTemplate when a matching event arrives on Argo's
 * event API.
 *
 * @example
 * ```ts
 * workflowEventBinding({ metadata: { name: 'event-consumer' }, spec: { event: { selector: 'payload.message != ""' }, submit: { workflowTemplateRef: consumer } } });
 * ```
 */
export function workflowEventBinding(def: { readonly metadata: NamedMetadata; readonly spec: WorkflowEventBindingSpec }): ArgoObject<'WorkflowEventBinding'> {
  const path = objectPath('WorkflowEventBinding', def.metadata);
  const { submit, event } = def.spec;
  const spec: ArgoWorkflowEventBindingSpecIR = {
    event: plain(event, [...path, 'event']),
    ...(submit
      ? {
          submit: {
            workflowTemplateRef: submit.workflowTemplateRef instanceof WorkflowTemplateObject ? submit.workflowTemplateRef.ref : plain(submit.workflowTemplateRef, [...path, 'submit']),
            ...(submit.metadata ? { metadata: plain(submit.metadata, [...path, 'submit', 'metadata']) } : {}),
            ...(submit.arguments ? { arguments: ioToIR<ArgoArgumentsIR>(submit.arguments, [...path, 'submit', 'arguments']) } : {}),
          },
        }
      : {}),
  };
  return new ArgoObject('WorkflowEventBinding', { kind: 'WorkflowEventBinding', metadata: checkMetadata('WorkflowEventBinding', def.metadata, path), spec });
}

