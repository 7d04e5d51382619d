import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoArgumentsIR } from '../ir/argo-artifacts.ts';
import type { KubeObjectMeta } from '../ir/argo-kube.ts';
import type { ArgoTemplateIR } from '../ir/argo-template.ts';
import type { ArgoCronWorkflowSpecIR, ArgoObjectIR, ArgoWorkflowSpecIR } from '../ir/argo-workflow.ts';
import {
  argumentsDecl,
  checkWorkflowArguments,
  workflowParametersRead,
  type ArgumentsRequirement,
  type ExactRef,
  type DeclaredArtifacts,
  type DeclaredParams,
  type EntryInputs,
  type ReferencedTemplate,
  type WorkflowArgumentsLike,
} from './entrypoint-arguments.ts';
import { ioToIR } from './io.ts';
import { plain } from './plain.ts';
import { renderHooks, templateName, type HooksDecl } from './step-common.ts';
import type { Callable, Template } from './template.ts';
import { isTemplate, TemplateRefCallable, runRef, type RunRef } from './template.ts';
import { isWorkflowArguments } from './workflow-arguments.ts';
import { brand, guard } from '../common/brand.ts';

/** Template defaults applied by Argo to every template of the workflow. */
export type TemplateDefaults = Omit<ArgoTemplateIR, 'name' | 'steps' | 'dag' | 'inputs' | 'outputs'>;

/** A (Cluster)WorkflowTemplate known only by name (e.g. installed on the cluster). */
export interface NamedTemplateRef {
  readonly name: string;
  readonly clusterScope?: boolean;
}

/** A reference to a (Cluster)WorkflowTemplate by object (typed) or by name. */
export type WorkflowTemplateRefLike = WorkflowTemplateObject | NamedTemplateRef;

/**
 * The spec of a Workflow, WorkflowTemplate or ClusterWorkflowTemplate: Argo's fields, with
 * templates passed as objects. Templates that `entrypoint`, `onExit`, hooks, steps and tasks run
 * are added to `templates` automatically; list others (e.g. library templates) in `templates`.
 * The type parameters are inferred from the spec (entrypoint and onExit inputs, hook inputs,
 * argument names, the referenced template) so `arguments` can be checked against them.
 */
export interface WorkflowSpec<
  I = unknown,
  X = unknown,
  H = {},
  P extends string = string,
  R extends string = string,
  D = unknown,
  T extends WorkflowTemplateRefLike = WorkflowTemplateRefLike,
> extends Omit<
  ArgoWorkflowSpecIR,
  'entrypoint' | 'templates' | 'onExit' | 'hooks' | 'arguments' | 'templateDefaults' | 'workflowTemplateRef'
> {
  readonly entrypoint?: Template<I, unknown>;
  readonly templates?: readonly Template<unknown, unknown>[];
  /** Runs when the workflow ends; its inputs come from the workflow's `arguments`, by name. */
  readonly onExit?: Template<X, unknown>;
  readonly hooks?: HooksDecl<H>;
  /** Arguments; they must supply the required inputs of the entrypoint and `onExit` templates. */
  readonly arguments?: WorkflowArgumentsLike<P, R, D>;
  readonly templateDefaults?: TemplateDefaults;
  readonly workflowTemplateRef?: T;
}

/** A spec whose arguments satisfy its entrypoint (`Mode` 'run': Workflow, CronWorkflow). */
export type CheckedWorkflowSpec<
  Mode extends 'run' | 'template',
  I,
  X,
  H,
  P extends string,
  R extends string,
  D,
  T extends WorkflowTemplateRefLike,
> = WorkflowSpec<I, X, H, P, R, D, T> & NoInfer<ArgumentsRequirement<Mode, I, X, P, R, D, T> & ExactRef<T>>;

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
export class WorkflowTemplateObject<
  E = unknown,
  N extends string = string,
  A extends string = string,
> extends ArgoObject<'WorkflowTemplate' | 'ClusterWorkflowTemplate'> {
  /** Phantom: the entrypoint's inputs and the argument names, to check workflows that run it. */
  declare readonly __arguments?: { readonly entry: E; readonly parameters: N; readonly artifacts: A };

  constructor(
    kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate',
    ir: ArgoObjectIR & { readonly kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate' },
    private readonly templates: readonly Template<unknown, unknown>[],
    /** @internal What a workflow running this object whole must supply. */
    readonly referenced: ReferencedTemplate,
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
      throw new DslError({
        path: [seg(this.kind, this.name)],
        problem: `template "${(t as { name?: string }).name}" is not one of this ${this.kind}'s templates`,
        got: this.templates.map((x) => x.name),
        fix: 'Pass a template listed in (or run by) its spec',
      });
    }
    return new TemplateRefCallable<I, O>(
      { name: this.name, template: t.name, ...(this.kind === 'ClusterWorkflowTemplate' ? { clusterScope: true } : {}) },
      { decl: t.inputs },
    );
  }

  /** The `workflowTemplateRef` that runs this object. */
  get ref(): { readonly name: string; readonly clusterScope?: boolean } {
    return { name: this.name, ...(this.kind === 'ClusterWorkflowTemplate' ? { clusterScope: true } : {}) };
  }
}
brand(WorkflowTemplateObject, 'argo.WorkflowTemplateObject');
/** Whether a value is a WorkflowTemplate or ClusterWorkflowTemplate object. */
export const isWorkflowTemplateObject = guard<WorkflowTemplateObject>('argo.WorkflowTemplateObject');

/** Renders a workflow spec; returns the IR and the templates it holds. */
export function buildWorkflowSpec(
  spec: WorkflowSpec,
  path: readonly PathSegment[],
  mode: 'run' | 'template',
): { readonly ir: ArgoWorkflowSpecIR; readonly templates: Template<unknown, unknown>[] } {
  const {
    entrypoint,
    templates,
    onExit,
    hooks,
    arguments: args,
    templateDefaults,
    workflowTemplateRef,
    ...rest
  } = spec;
  const ordered: Template<unknown, unknown>[] = [];
  const byName = new Map<string, Template<unknown, unknown>>();
  const add = (t: Template<unknown, unknown>, at: readonly PathSegment[]): void => {
    const known = byName.get(t.name);
    if (known === t) return;
    if (known)
      throw new DslError({
        path: at,
        problem: `two different templates are named "${t.name}"`,
        got: t.name,
        fix: 'Rename one of them or reuse the same template object',
      });
    byName.set(t.name, t);
    ordered.push(t);
  };
  const use = (c: Callable<unknown, unknown>, at: readonly PathSegment[]): RunRef => {
    if (isTemplate(c)) add(c, at);
    return runRef(c, at);
  };
  const wtRef =
    workflowTemplateRef === undefined
      ? undefined
      : isWorkflowTemplateObject(workflowTemplateRef)
        ? workflowTemplateRef.ref
        : plain(workflowTemplateRef, [...path, 'workflowTemplateRef']);
  (templates ?? []).forEach((t, i) => {
    if (!isTemplate(t))
      throw new DslError({
        path: [...path, `templates[${i}]`],
        problem: 'expected a template',
        got: t,
        fix: 'Pass values returned by template()',
      });
    add(t, [...path, `templates[${i}]`]);
  });
  if (entrypoint !== undefined && !isTemplate(entrypoint))
    throw new DslError({
      path: [...path, 'entrypoint'],
      problem: 'the entrypoint is a template',
      got: entrypoint,
      fix: 'Pass the value returned by template()',
    });
  // With a workflowTemplateRef the entrypoint names a template of the referenced object.
  if (entrypoint && !wtRef) add(entrypoint, [...path, 'entrypoint']);
  const onExitName =
    onExit === undefined ? undefined : templateName((c) => use(c, [...path, 'onExit']), onExit, [...path, 'onExit']);
  const hooksIR =
    hooks === undefined ? undefined : renderHooks(hooks, [...path, 'hooks'], (c) => use(c, [...path, 'hooks']));
  // Rendering a template may add the templates its steps and tasks run; walk until none is new.
  const rendered: ArgoTemplateIR[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const t = ordered[i] as Template<unknown, unknown>;
    const { ir, uses } = t.render();
    uses.forEach((c) => use(c, [...path, seg('template', t.name)]));
    rendered.push(ir);
  }
  if (entrypoint && isWorkflowTemplateObject(workflowTemplateRef)) workflowTemplateRef.templateRef(entrypoint);
  const argsIR =
    args === undefined
      ? undefined
      : isWorkflowArguments(args)
        ? args.toIR([...path, 'arguments'])
        : ioToIR<ArgoArgumentsIR>(args, [...path, 'arguments']);
  checkWorkflowArguments({
    mode,
    entrypoint,
    onExit: isTemplate(onExit) ? onExit : undefined,
    arguments: argumentsDecl(args),
    ref: isWorkflowTemplateObject(workflowTemplateRef) ? workflowTemplateRef.referenced : undefined,
    path,
  });
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
    throw new DslError({
      path: [...path, 'metadata', 'name'],
      problem: `${kind} names are DNS-1123 subdomains`,
      got: m.name,
      fix: 'Use lowercase letters, digits, "-" and "."',
    });
  }
  if (m.generateName !== undefined && !SUBDOMAIN.test(`${m.generateName}x`)) {
    throw new DslError({
      path: [...path, 'metadata', 'generateName'],
      problem: 'generateName must be a DNS-1123 prefix',
      got: m.generateName,
      fix: 'Use lowercase letters, digits and "-", e.g. "hello-world-"',
    });
  }
  for (const [key, value] of Object.entries(m.labels ?? {})) checkLabel(key, value, [...path, 'metadata', 'labels']);
  if (m.name === undefined && m.generateName === undefined) {
    throw new DslError({
      path,
      problem: `a ${kind} needs metadata.name${kind === 'Workflow' ? ' or metadata.generateName' : ''}`,
      fix: 'Set metadata.name',
    });
  }
  return m;
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kubernetes rejects objects whose labels break these rules, so they are checked before synth. */
function checkLabel(key: string, value: unknown, path: readonly PathSegment[]): void {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash === -1 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (
    !LABEL_NAME.test(name) ||
    name.length > 63 ||
    (prefix !== undefined && (!SUBDOMAIN.test(prefix) || prefix.length > 253))
  ) {
    throw new DslError({
      path: [...path, key],
      problem: 'invalid label key',
      got: key,
      fix: 'Use an optional DNS prefix and "/", then up to 63 letters, digits, "-", "_" or "."',
    });
  }
  if (typeof value !== 'string' || value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) {
    throw new DslError({
      path: [...path, key],
      problem: 'invalid label value',
      got: value,
      fix: 'Use up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
    });
  }
}

export const objectPath = (kind: string, metadata: KubeObjectMeta): PathSegment[] => [
  seg(kind, String(metadata?.name ?? metadata?.generateName ?? '?')),
];

/**
 * A Workflow: one run, usually submitted with `argo submit` (use `generateName`). For GitOps,
 * prefer a WorkflowTemplate or CronWorkflow, which Argo CD can sync.
 *
 * @example
 * ```ts
 * export default workflow({ metadata: { generateName: 'hello-world-' }, spec: { entrypoint: whalesay } });
 * ```
 */
export function workflow<
  I = unknown,
  X = unknown,
  H = {},
  P extends string = never,
  R extends string = never,
  D = unknown,
  T extends WorkflowTemplateRefLike = never,
>(def: {
  readonly metadata: WorkflowMetadata;
  readonly spec: CheckedWorkflowSpec<'run', I, X, H, P, R, D, T>;
}): ArgoObject<'Workflow'> {
  const path = objectPath('Workflow', def.metadata);
  return new ArgoObject('Workflow', {
    kind: 'Workflow',
    metadata: checkMetadata('Workflow', def.metadata, path),
    spec: buildWorkflowSpec(def.spec as WorkflowSpec, path, 'run').ir,
  });
}

/** The object type of a WorkflowTemplate built from a spec with these inferred types. */
export type WorkflowTemplateOf<I, P extends string, R extends string, D, T> = WorkflowTemplateObject<
  EntryInputs<I, T>,
  DeclaredParams<P, D, T>,
  DeclaredArtifacts<R, D, T>
>;

function templateObject(
  kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate',
  def: { readonly metadata: NamedMetadata; readonly spec: WorkflowSpec },
): WorkflowTemplateObject {
  const path = objectPath(kind, def.metadata);
  const metadata = checkMetadata(kind, def.metadata, path);
  if (metadata.generateName !== undefined)
    throw new DslError({
      path,
      problem: `a ${kind} has a fixed name`,
      got: metadata.generateName,
      fix: 'Use metadata.name',
    });
  const { ir, templates } = buildWorkflowSpec(def.spec, path, 'template');
  const { entrypoint, workflowTemplateRef: ref } = def.spec;
  const inherited = isWorkflowTemplateObject(ref) ? ref.referenced : undefined;
  const own = argumentsDecl(def.spec.arguments);
  const ownReads = workflowParametersRead(ir.templates);
  const reads =
    ownReads === 'any' || inherited?.reads === 'any' ? 'any' : new Set([...ownReads, ...(inherited?.reads ?? [])]);
  const referenced: ReferencedTemplate = {
    name: String(metadata.name),
    reads,
    entrypoint: entrypoint ?? inherited?.entrypoint,
    arguments: {
      parameters: { ...inherited?.arguments?.parameters, ...own?.parameters },
      artifacts: { ...inherited?.arguments?.artifacts, ...own?.artifacts },
    },
  };
  return new WorkflowTemplateObject(kind, { kind, metadata, spec: ir }, templates, referenced);
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
export function workflowTemplate<
  I = unknown,
  X = unknown,
  H = {},
  P extends string = never,
  R extends string = never,
  D = unknown,
  T extends WorkflowTemplateRefLike = never,
>(def: {
  readonly metadata: NamedMetadata;
  readonly spec: CheckedWorkflowSpec<'template', I, X, H, P, R, D, T>;
}): WorkflowTemplateOf<I, P, R, D, T> {
  return templateObject(
    'WorkflowTemplate',
    def as { readonly metadata: NamedMetadata; readonly spec: WorkflowSpec },
  ) as WorkflowTemplateOf<I, P, R, D, T>;
}

/**
 * A ClusterWorkflowTemplate: a WorkflowTemplate visible from every namespace.
 *
 * @example
 * ```ts
 * export const printMessageTemplate = clusterWorkflowTemplate({ metadata: { name: 'cluster-workflow-template-print-message' }, spec: { templates: [printMessage] } });
 * ```
 */
export function clusterWorkflowTemplate<
  I = unknown,
  X = unknown,
  H = {},
  P extends string = never,
  R extends string = never,
  D = unknown,
  T extends WorkflowTemplateRefLike = never,
>(def: {
  readonly metadata: NamedMetadata;
  readonly spec: CheckedWorkflowSpec<'template', I, X, H, P, R, D, T>;
}): WorkflowTemplateOf<I, P, R, D, T> {
  return templateObject(
    'ClusterWorkflowTemplate',
    def as { readonly metadata: NamedMetadata; readonly spec: WorkflowSpec },
  ) as WorkflowTemplateOf<I, P, R, D, T>;
}

/** A CronWorkflow's spec: Argo's schedule fields plus the workflow to run (checked like a Workflow's). */
export interface CronWorkflowSpec<S = WorkflowSpec> extends Omit<ArgoCronWorkflowSpecIR, 'workflowSpec'> {
  readonly workflowSpec: S;
}

/**
 * A CronWorkflow (Argo v4: `schedules` is a list).
 *
 * @example
 * ```ts
 * cronWorkflow({ metadata: { name: 'hello-world' }, spec: { schedules: ['* * * * *'], workflowSpec: { entrypoint: whalesay } } });
 * ```
 */
export function cronWorkflow<
  I = unknown,
  X = unknown,
  H = {},
  P extends string = never,
  R extends string = never,
  D = unknown,
  T extends WorkflowTemplateRefLike = never,
>(def: {
  readonly metadata: NamedMetadata;
  readonly spec: CronWorkflowSpec<CheckedWorkflowSpec<'run', I, X, H, P, R, D, T>>;
}): ArgoObject<'CronWorkflow'> {
  const path = objectPath('CronWorkflow', def.metadata);
  const { workflowSpec, ...rest } = def.spec;
  if (!Array.isArray(rest.schedules) || rest.schedules.length === 0) {
    throw new DslError({
      path: [...path, 'schedules'],
      problem: 'a CronWorkflow needs at least one schedule',
      got: rest.schedules,
      fix: "Set schedules: ['0 2 * * *']",
    });
  }
  const spec: ArgoCronWorkflowSpecIR = {
    ...plain(rest, path),
    workflowSpec: buildWorkflowSpec(workflowSpec as WorkflowSpec, [...path, 'workflowSpec'], 'run').ir,
  };
  return new ArgoObject('CronWorkflow', {
    kind: 'CronWorkflow',
    metadata: checkMetadata('CronWorkflow', def.metadata, path),
    spec,
  });
}
