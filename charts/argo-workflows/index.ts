import { addArgoObject, addObject } from '../api-object.ts';
import { pipelineBackendOf, type Target } from '../target.ts';
import { cronWorkflowIR } from './cron-workflow.ts';
import { submitRbac } from './submit-rbac.ts';
import { checkSubmitNames } from './submit.ts';
import { workflowTemplateIR } from './workflow-template.ts';

/**
 * Argo Workflows v4: one WorkflowTemplate per pipeline, plus a ServiceAccount, Role and
 * RoleBinding for pipelines whose `p.submit()` steps start other pipelines' runs.
 * @example
 * ```ts
 * import { argoWorkflowsTarget } from './charts/argo-workflows/index.ts';
 * argoWorkflowsTarget.render(ctx);
 * ```
 */
export const argoWorkflowsTarget: Target = {
  name: 'argo-workflows',
  pipelineBackend: 'argo',
  render(ctx) {
    const ns = ctx.env.namespace;
    for (const p of ctx.app.pipelines) {
      if (pipelineBackendOf(p, ctx) !== 'argo') continue;
      addArgoObject(ctx.chart, workflowTemplateIR(p), ns);
      for (const rbac of submitRbac(p, ns, ctx.env.name)) addObject(ctx.chart, rbac);
    }
  },
};

/**
 * Schedules of Argo-compiled pipelines become CronWorkflows that trigger the WorkflowTemplate by
 * name (schedules of KFP-compiled pipelines are rendered by the KFP target).
 * @example
 * ```ts
 * argoSchedulesTarget.render(ctx);
 * ```
 */
export const argoSchedulesTarget: Target = {
  name: 'argo-schedules',
  render(ctx) {
    for (const s of ctx.app.schedules) {
      const p = ctx.app.pipelines.find((x) => x.name === s.pipeline);
      if (p !== undefined) checkSubmitNames(s, p);
      if (p === undefined || pipelineBackendOf(p, ctx) === 'argo')
        addArgoObject(ctx.chart, cronWorkflowIR(s), ctx.env.namespace);
    }
  },
};

export { workflowTemplate, workflowTemplateIR, pipelineWorkflowSpec } from './workflow-template.ts';
export { cronWorkflowIR } from './cron-workflow.ts';
