import type { ArgoObjectIR, ScheduleIR } from '../../dsl/ir/index.ts';
import { renderParam } from './expressions.ts';

/** A schedule as an Argo v4 CronWorkflow (`schedules` list) that runs the pipeline's WorkflowTemplate. */
export function cronWorkflowIR(s: ScheduleIR): ArgoObjectIR {
  // Schedule args hold literals and runtime values only, so no template scope is involved.
  const scope = { local: new Set<string>(), inputs: new Map() };
  const params = Object.entries(s.args).map(([name, value]) => ({ name, value: renderParam(value, scope) }));
  return {
    kind: 'CronWorkflow',
    metadata: {
      name: s.name,
      ...(s.description ? { annotations: { 'workflows.argoproj.io/description': s.description } } : {}),
    },
    spec: {
      schedules: s.crons,
      ...(s.timezone ? { timezone: s.timezone } : {}),
      concurrencyPolicy: s.concurrency,
      ...(s.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: s.startingDeadlineSeconds } : {}),
      ...(s.successfulJobsHistoryLimit !== undefined
        ? { successfulJobsHistoryLimit: s.successfulJobsHistoryLimit }
        : {}),
      ...(s.failedJobsHistoryLimit !== undefined ? { failedJobsHistoryLimit: s.failedJobsHistoryLimit } : {}),
      suspend: s.suspend,
      workflowMetadata: { labels: { 'argosy.dev/schedule': s.name } },
      workflowSpec: {
        workflowTemplateRef: { name: s.pipeline },
        ...(params.length ? { arguments: { parameters: params } } : {}),
      },
    },
  };
}
