import { pipelineBackendOf, type Target } from '../target.ts';
import { compileKfpPipeline, kfpFileName, type CompiledKfpPipeline } from './pipeline-spec.ts';
import { recurringRunFiles } from './recurring-run.ts';
import { lintKfpPipeline } from './lint.ts';

/**
 * Kubeflow Pipelines v2: one `pipelinespec.<pipeline>.yaml` per pipeline assigned to KFP, with the
 * PipelineSpec as first document and the Kubernetes PlatformSpec as second (when used), and one
 * `recurringrun.<schedule>.yaml` per schedule of such a pipeline. Upload the first through the
 * KFP UI or `POST /apis/v2beta1/pipelines/upload`, post the second to `/apis/v2beta1/recurringruns` (docs/kfp.md).
 * @example
 * ```ts
 * kfpPipelinesTarget.render(ctx); // ctx.emitFile({ fileName: 'pipelinespec.ctr-training.yaml', ... })
 * ```
 */
export const kfpPipelinesTarget: Target = {
  name: 'kfp-pipelines',
  pipelineBackend: 'kfp',
  render(ctx) {
    const compiled = new Map<string, CompiledKfpPipeline>();
    for (const p of ctx.app.pipelines) {
      if (pipelineBackendOf(p, ctx) !== 'kfp') continue;
      const c = compileKfpPipeline(p, { toolVersion: ctx.toolVersion });
      // A dangling reference would only surface at run creation on the cluster; fail the synth instead.
      lintKfpPipeline(c, p.name);
      compiled.set(p.name, c);
      ctx.emitFile({
        fileName: kfpFileName(p.name),
        documents: c.platformSpec ? [c.pipelineSpec, c.platformSpec] : [c.pipelineSpec],
      });
    }
    // A schedule of a KFP pipeline is a KFP recurring run, which lives in the KFP database: write
    // the request body that creates it (docs/kfp.md), since a CronWorkflow would have no WorkflowTemplate.
    for (const s of ctx.app.schedules) {
      const p = ctx.app.pipelines.find((x) => x.name === s.pipeline);
      const c = compiled.get(s.pipeline);
      if (p === undefined || c === undefined) continue;
      for (const f of recurringRunFiles(s, p, c, ctx.env.name, (m) => ctx.note?.(m))) ctx.emitFile(f);
    }
  },
};

export { compileKfpPipeline, kfpFileName, KFP_SCHEMA_VERSION } from './pipeline-spec.ts';
export type { CompiledKfpPipeline } from './pipeline-spec.ts';
export { lintKfpPipeline, kfpLintFindings } from './lint.ts';
export { assignPipelineBackends } from './assign.ts';
export { recurringRunFiles } from './recurring-run.ts';
