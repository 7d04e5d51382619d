import { DslError, seg } from '../../dsl/errors.ts';
import { pipelineBackendOf, type Target } from '../target.ts';
import { compileKfpPipeline, kfpFileName } from './pipeline-spec.ts';
import { lintKfpPipeline } from './lint.ts';

/**
 * Kubeflow Pipelines v2: one `pipelinespec.<pipeline>.yaml` per pipeline assigned to KFP, with the
 * PipelineSpec as first document and the Kubernetes PlatformSpec as second (when used). Upload
 * it through the KFP UI or `POST /apis/v2beta1/pipelines/upload` (docs/kfp.md).
 * @example
 * ```ts
 * kfpPipelinesTarget.render(ctx); // ctx.emitFile({ fileName: 'pipelinespec.ctr-training.yaml', ... })
 * ```
 */
export const kfpPipelinesTarget: Target = {
  name: 'kfp-pipelines',
  pipelineBackend: 'kfp',
  render(ctx) {
    for (const p of ctx.app.pipelines) {
      if (pipelineBackendOf(p, ctx) !== 'kfp') continue;
      const compiled = compileKfpPipeline(p, { toolVersion: ctx.toolVersion });
      // A dangling reference would only surface at run creation on the cluster; fail the synth instead.
      lintKfpPipeline(compiled, p.name);
      ctx.emitFile({ fileName: kfpFileName(p.name), documents: compiled.platformSpec ? [compiled.pipelineSpec, compiled.platformSpec] : [compiled.pipelineSpec] });
    }
    for (const s of ctx.app.schedules) {
      const p = ctx.app.pipelines.find((x) => x.name === s.pipeline);
      if (p === undefined || pipelineBackendOf(p, ctx) !== 'kfp') continue;
      // A CronWorkflow would reference a WorkflowTemplate that is not generated, and KFP recurring
      // runs live in the KFP database (created through its API), not in git: refuse rather than drop.
      throw new DslError({
        path: [seg('environment', ctx.env.name), seg('app', ctx.app.name), seg('schedule', s.name)],
        problem: `pipeline "${s.pipeline}" compiles to Kubeflow Pipelines, and Argosy schedules run Argo WorkflowTemplates; a KFP recurring run is created through the KFP API, not synthesized`,
        got: 'kfp',
        fix: `Pin the pipeline with target: 'argo', give this environment pipelineBackend: 'argo', or leave the schedule out of KFP environments and create a recurring run in KFP (docs/kfp.md)`,
      });
    }
  },
};

export { compileKfpPipeline, kfpFileName, KFP_SCHEMA_VERSION } from './pipeline-spec.ts';
export type { CompiledKfpPipeline } from './pipeline-spec.ts';
export { lintKfpPipeline, kfpLintFindings } from './lint.ts';
