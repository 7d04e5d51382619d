import { assertCron } from '../../../dsl/schedule/cron.ts';
import { ArgoError, wrap } from './argo-error.ts';
import { show } from '../object-path.ts';
import { notFound, TemplateContext, type TemplateSource, type TemplateStore } from './context.ts';
import { checkPodResourceSpec } from './leaf.ts';
import { checkNames } from './names.ts';
import type { ArgoObject, Arguments, Artifact, Parameter, Template, TemplateHolder, WorkflowSpec } from './types.ts';
import { list } from './types.ts';
import { placeholder } from './variables.ts';
import { argsOf, checkArguments, FAKE_ARGS, valueString } from './arguments.ts';
import { ArgoValidator, type ArgoValidateOptions } from './validator.ts';

/** The kinds Argo's validator knows, and how to check them. */
export type ArgoKind = 'Workflow' | 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow';

export const ARGO_KINDS: readonly ArgoKind[] = [
  'Workflow',
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
];

const POD_GC = ['', 'OnPodCompletion', 'OnPodSuccess', 'OnWorkflowCompletion', 'OnWorkflowSuccess'];
const SELECTOR_OPS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function merge<T extends { name?: string }>(own: readonly T[], inherited: readonly T[]): T[] {
  const names = new Set(own.map((p) => p.name));
  return [...own, ...inherited.filter((p) => !names.has(p.name))];
}

/** Checks a Workflow the way Argo's controller does before running it; throws ArgoError on the first violation. */
export function validateWorkflow(
  wf: ArgoObject,
  store: TemplateStore,
  opts: ArgoValidateOptions = {},
  kind: TemplateSource['kind'] = 'Workflow',
): void {
  const spec: WorkflowSpec = wf.spec ?? {};
  const name = typeof wf.metadata?.name === 'string' ? wf.metadata.name : '';
  if (kind === 'Workflow' && name.length > 63)
    throw new ArgoError(`workflow name "${name}" must not be more than 63 characters long (currently ${name.length})`);
  const v = new ArgoValidator(opts);
  const self: TemplateSource = {
    kind,
    name: name || '(unnamed)',
    spec,
    ...(wf.metadata?.namespace ? { namespace: wf.metadata.namespace } : {}),
    ...(wf.metadata?.labels ? { labels: wf.metadata.labels } : {}),
    ...(wf.metadata?.annotations ? { annotations: wf.metadata.annotations } : {}),
  };
  const ctx = new TemplateContext(self, store);
  let entrypoint = spec.entrypoint ?? '';
  const ref = spec.workflowTemplateRef;
  let referenced: TemplateSource | undefined;
  if (ref) {
    if (list(spec.templates).length > 0)
      throw new ArgoError('Templates is invalid field in spec if workflow referred WorkflowTemplate reference');
    referenced = store.get(show(ref.name), ref.clusterScope === true, wf.metadata?.namespace);
    if (!referenced && opts.onExternalRef) {
      // Without the referenced spec there is nothing more to check the Workflow against.
      opts.onExternalRef(ref.clusterScope === true ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate', show(ref.name));
      return;
    }
    if (!referenced) throw notFound(show(ref.name), ref.clusterScope === true);
    if (entrypoint === '') entrypoint = referenced.spec.entrypoint ?? '';
  }
  wrap('spec.templates', () => checkNames(list(spec.templates), 'field'));
  const args: Arguments = {
    parameters: merge(
      list<Parameter>(spec.arguments?.parameters),
      list<Parameter>(referenced?.spec.arguments?.parameters),
    ),
    artifacts: merge(list<Artifact>(spec.arguments?.artifacts), list<Artifact>(referenced?.spec.arguments?.artifacts)),
  };
  const allowEmpty = opts.lint === true || (opts.workflowTemplateValidation === true && opts.submit !== true);
  checkArguments('spec.arguments.', args, allowEmpty);
  const g = v.globals;
  for (const k of [
    'workflow.name',
    'workflow.namespace',
    'workflow.mainEntrypoint',
    'workflow.serviceAccountName',
    'workflow.uid',
  ])
    g.set(k, placeholder());
  if (list(args.parameters).length > 0) {
    g.set('workflow.parameters', placeholder());
    g.set('workflow.parameters.json', placeholder());
  }
  for (const p of list<Parameter>(args.parameters)) {
    if (p.name)
      g.set(
        `workflow.parameters.${show(p.name)}`,
        p.value !== undefined && p.value !== null ? valueString(p.value) : placeholder(),
      );
  }
  const metaSources = [wf.metadata, spec.workflowMetadata, referenced?.spec.workflowMetadata];
  for (const m of metaSources) {
    Object.keys(m?.annotations ?? {}).forEach((k) => g.set(`workflow.annotations.${k}`, placeholder()));
    Object.keys(m?.labels ?? {}).forEach((k) => g.set(`workflow.labels.${k}`, placeholder()));
    Object.keys((m as { labelsFrom?: object } | undefined)?.labelsFrom ?? {}).forEach((k) =>
      g.set(`workflow.labels.${k}`, placeholder()),
    );
  }
  for (const k of [
    'workflow.annotations',
    'workflow.annotations.json',
    'workflow.labels',
    'workflow.labels.json',
    'workflow.status',
  ])
    g.set(k, placeholder());
  if (typeof spec.priority === 'number') g.set('workflow.priority', show(spec.priority));
  v.registerGlobalOutputs([...list<Template>(spec.templates), ...list<Template>(referenced?.spec.templates)]);
  if (!opts.ignoreEntrypoint && entrypoint === '') throw new ArgoError('spec.entrypoint is required');
  const refTo = (template: string): TemplateHolder => ({
    templateRef: { name: show(ref?.name), template, clusterScope: ref?.clusterScope === true },
  });
  if (!opts.ignoreEntrypoint) {
    v.holder(
      ref ? refTo(entrypoint) : { template: entrypoint },
      ctx,
      opts.workflowTemplateValidation ? FAKE_ARGS : argsOf(args),
    );
  }
  const onExit = spec.onExit || (ref ? referenced?.spec.onExit : undefined);
  const hooks = spec.hooks ?? (ref ? referenced?.spec.hooks : undefined);
  if (onExit || hooks?.exit) g.set('workflow.failures', placeholder());
  if (onExit) v.holder(ref ? refTo(onExit) : { template: onExit }, ctx, argsOf(spec.arguments));
  // Hook templates live where the workflow's templates live: in the referenced WorkflowTemplate if there is one.
  v.hooks(hooks, 'hooks', ref && referenced ? new TemplateContext(referenced, store) : ctx);
  const gc = spec.podGC;
  if (gc && !POD_GC.includes(show(gc.strategy ?? '')))
    throw new ArgoError(`podGC.strategy unknown strategy '${show(gc.strategy)}'`);
  for (const e of list<{ operator?: string }>(gc?.labelSelector?.matchExpressions)) {
    if (!SELECTOR_OPS.includes(show(e.operator)))
      throw new ArgoError(`podGC.labelSelector invalid: "${show(e.operator)}" is not a valid label selector operator`);
  }
  if (spec.podResources) checkPodResourceSpec(spec.podResources, 'spec');
  const all = ref ? list<{ name?: string }>(referenced?.spec.templates) : list<{ name?: string }>(spec.templates);
  for (const t of all) {
    const n = show(t.name);
    wrap(`templates.${n} `, () => v.holder(ref ? refTo(n) : { template: n }, ctx, FAKE_ARGS));
  }
}

/** Checks a (Cluster)WorkflowTemplate on its own: parameters may come from the submitting Workflow. */
export function validateWorkflowTemplate(
  wft: ArgoObject,
  store: TemplateStore,
  opts: ArgoValidateOptions = {},
  kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate' = 'WorkflowTemplate',
): void {
  const name = typeof wft.metadata?.name === 'string' ? wft.metadata.name : '';
  const label = kind === 'WorkflowTemplate' ? 'workflow template' : 'cluster workflow template';
  if (name.length > 63)
    throw new ArgoError(`${label} name "${name}" must not be more than 63 characters long (currently ${name.length})`);
  validateWorkflow(
    wft,
    store,
    { ...opts, ignoreEntrypoint: !wft.spec?.entrypoint, workflowTemplateValidation: true },
    kind,
  );
}

/** Checks a CronWorkflow: schedules, policy, and the Workflow it would create. */
export function validateCronWorkflow(
  cron: ArgoObject,
  store: TemplateStore,
  opts: Pick<ArgoValidateOptions, 'onExternalRef'> = {},
): void {
  const spec = cron.spec ?? {};
  const schedules = [...list<string>(spec.schedules), ...(spec.schedule ? [spec.schedule] : [])];
  if (list(spec.schedules).length > 0 && spec.schedule)
    throw new ArgoError('cron workflow cant be configured with both Spec.Schedule and Spec.Schedules');
  const name = typeof cron.metadata?.name === 'string' ? cron.metadata.name : '';
  if (name.length > 52)
    throw new ArgoError(
      `cron workflow name "${name}" must not be more than 52 characters long (currently ${name.length})`,
    );
  for (const s of schedules) {
    try {
      assertCron(show(s).replace(/^(CRON_TZ|TZ)=\S+\s+/, ''), []);
    } catch (e) {
      throw new ArgoError(`cron schedule ${show(s)} is malformed: ${(e as Error).message}`);
    }
  }
  if (spec.timezone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: spec.timezone });
    } catch {
      throw new ArgoError(`invalid timezone '${show(spec.timezone)}'`);
    }
  }
  if (![undefined, '', 'Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy))
    throw new ArgoError(`'${show(spec.concurrencyPolicy)}' is not a valid concurrencyPolicy`);
  if (typeof spec.startingDeadlineSeconds === 'number' && spec.startingDeadlineSeconds < 0)
    throw new ArgoError('startingDeadlineSeconds must be positive');
  const wf: ArgoObject = {
    metadata: {
      name,
      ...(cron.metadata?.namespace ? { namespace: cron.metadata.namespace } : {}),
      ...(spec.workflowMetadata?.labels ? { labels: spec.workflowMetadata.labels } : {}),
      ...(spec.workflowMetadata?.annotations ? { annotations: spec.workflowMetadata.annotations } : {}),
    },
    spec: spec.workflowSpec ?? {},
  };
  wrap('cannot validate Workflow: ', () =>
    validateWorkflow(wf, store, opts.onExternalRef ? { onExternalRef: opts.onExternalRef } : {}),
  );
}

/** Runs the check that fits the object's kind; returns Argo's error message, or undefined when valid. */
export function argoVerdict(
  obj: ArgoObject,
  store: TemplateStore,
  opts: ArgoValidateOptions = {},
  as: ArgoKind = obj.kind as ArgoKind,
): string | undefined {
  try {
    if (as === 'Workflow') validateWorkflow(obj, store, opts);
    else if (as === 'WorkflowTemplate' || as === 'ClusterWorkflowTemplate')
      validateWorkflowTemplate(obj, store, opts, as);
    else if (as === 'CronWorkflow') validateCronWorkflow(obj, store, opts);
    return undefined;
  } catch (e) {
    if (e instanceof ArgoError) return e.message;
    throw e;
  }
}
