import { ENVIRONMENT_LABEL, PIPELINE_LABEL } from './run-status.ts';

/** An Argo object as plain JSON. */
export interface ArgoObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: unknown[];
  };
  spec: Record<string, unknown>;
}

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';
/** Argo's label naming the WorkflowTemplate a Workflow was made from. */
export const TEMPLATE_LABEL = 'workflows.argoproj.io/workflow-template';
/** Argo's label naming the CronWorkflow a Workflow was made from. */
export const CRON_LABEL = 'workflows.argoproj.io/cron-workflow';

export interface RunMeta {
  readonly pipeline: string;
  readonly namespace: string;
  readonly environment?: string;
  /** Extra labels (the environment's). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly parameters: readonly { name: string; value: string }[];
}

function runLabels(m: RunMeta): Record<string, string> {
  return {
    ...m.labels,
    [PIPELINE_LABEL]: m.pipeline,
    ...(m.environment ? { [ENVIRONMENT_LABEL]: m.environment } : {}),
  };
}

/**
 * A Workflow that runs the pipeline's WorkflowTemplate (`workflowTemplateRef`), as `argo submit
 * --from workflowtemplate/<name>` makes it: the template must be applied in the namespace.
 *
 * @example
 * ```ts
 * workflowFromTemplate({ pipeline: 'churn', namespace: 'ml', parameters: [{ name: 'day', value: '2026-12-01' }] });
 * ```
 */
export function workflowFromTemplate(m: RunMeta): ArgoObject {
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Workflow',
    metadata: {
      generateName: `${m.pipeline}-`,
      namespace: m.namespace,
      labels: { ...runLabels(m), [TEMPLATE_LABEL]: m.pipeline },
    },
    spec: {
      workflowTemplateRef: { name: m.pipeline },
      ...(m.parameters.length > 0 ? { arguments: { parameters: m.parameters.map((p) => ({ ...p })) } } : {}),
    },
  };
}

interface ParameterJson {
  name: string;
  value?: string;
  [k: string]: unknown;
}

/**
 * A Workflow carrying the whole synthesized WorkflowTemplate's spec (for a template not applied
 * yet): the template's parameters keep their descriptions and defaults, and the given values
 * replace theirs.
 */
export function workflowInline(template: ArgoObject, m: RunMeta): ArgoObject {
  const spec = structuredClone(template.spec) as Record<string, unknown> & {
    arguments?: { parameters?: ParameterJson[] };
  };
  const given = new Map(m.parameters.map((p) => [p.name, p.value]));
  const parameters = (spec.arguments?.parameters ?? []).map((p) =>
    given.has(p.name) ? { ...p, value: given.get(p.name) as string } : p,
  );
  for (const p of m.parameters) if (!parameters.some((q) => q.name === p.name)) parameters.push({ ...p });
  if (parameters.length > 0) spec.arguments = { ...spec.arguments, parameters };
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Workflow',
    metadata: {
      generateName: `${m.pipeline}-`,
      namespace: m.namespace,
      labels: { ...template.metadata.labels, ...runLabels(m) },
      ...(template.metadata.annotations
        ? {
            annotations: Object.fromEntries(
              Object.entries(template.metadata.annotations).filter(([k]) => !k.startsWith('argocd.argoproj.io/')),
            ),
          }
        : {}),
    },
    spec,
  };
}

/**
 * The Workflow a CronWorkflow would start now, as `argo cron trigger` makes it: its
 * `workflowSpec`, the `workflowMetadata` labels and annotations, the cron-workflow label, the
 * scheduled-time annotation (`{{workflow.scheduledTime}}` reads it) and an owner reference to
 * the CronWorkflow, so deleting the schedule deletes its runs.
 */
export function workflowFromCron(cron: ArgoObject, now: Date = new Date()): ArgoObject {
  const meta = (cron.spec.workflowMetadata ?? {}) as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  const name = cron.metadata.name ?? '';
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Workflow',
    metadata: {
      generateName: `${name}-`,
      ...(cron.metadata.namespace ? { namespace: cron.metadata.namespace } : {}),
      labels: { [CRON_LABEL]: name, ...meta.labels },
      annotations: {
        'workflows.argoproj.io/scheduled-time': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        ...meta.annotations,
      },
      ...(cron.metadata.uid
        ? {
            ownerReferences: [
              { apiVersion: ARGO_API_VERSION, kind: 'CronWorkflow', name, uid: cron.metadata.uid, controller: true },
            ],
          }
        : {}),
    },
    spec: structuredClone(cron.spec.workflowSpec ?? {}) as Record<string, unknown>,
  };
}

/** A new run with the same spec and labels as a finished one (`argo resubmit`). */
export function workflowResubmit(run: ArgoObject): ArgoObject {
  const labels = Object.fromEntries(
    Object.entries(run.metadata.labels ?? {}).filter(
      ([k]) => !['workflows.argoproj.io/completed', 'workflows.argoproj.io/phase'].includes(k),
    ),
  );
  const spec = structuredClone(run.spec);
  delete spec.shutdown;
  const base = labels[PIPELINE_LABEL] ?? labels[CRON_LABEL] ?? run.metadata.name?.replace(/-[a-z0-9]{5}$/, '') ?? 'run';
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Workflow',
    metadata: {
      generateName: `${base}-`,
      ...(run.metadata.namespace ? { namespace: run.metadata.namespace } : {}),
      labels: { ...labels, 'argosy.dev/retry-of': run.metadata.name ?? '' },
      ...(run.metadata.annotations ? { annotations: { ...run.metadata.annotations } } : {}),
    },
    spec,
  };
}
