import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKfpPipeline, kfpLintFindings } from '../../charts/kfp/index.ts';
import { DslError, resolveProject } from '../../dsl/index.ts';
import type { PipelineIR } from '../../dsl/ir/index.ts';
import referenceProject from '../../pipelines/index.ts';
import { sharedDir } from '../shared-dir.ts';
import { KfpStrictChecker } from './kfp/strict-check.ts';

/**
 * Reference-project pipelines that cannot compile for KFP, with the exact reason. A pipeline
 * added to pipelines/ either compiles strict-valid IR or must be listed here with the message
 * the KFP backend gives, so nothing is silently Argo-only.
 */
// The retraining drift pipelines create an Argo Workflow (p.submit), which KFP cannot express;
// search's alert-only drift check compiles for both.
const KFP_STOPPERS: Readonly<Record<string, string>> = {
  'ctr-drift': `pipeline "ctr-drift" > task "retrain": Kubeflow Pipelines cannot express starting another pipeline's run (p.submit of "ctr-training"): KFP components cannot create runs of other pipelines (got "ctr-training"). Compile this pipeline for Argo with target: 'argo' (p.submit creates an Argo Workflow from the started pipeline's WorkflowTemplate), or start the run from outside KFP.`,
  'discount-drift': `pipeline "discount-drift" > task "retrain": Kubeflow Pipelines cannot express starting another pipeline's run (p.submit of "discount-training"): KFP components cannot create runs of other pipelines (got "discount-training"). Compile this pipeline for Argo with target: 'argo' (p.submit creates an Argo Workflow from the started pipeline's WorkflowTemplate), or start the run from outside KFP.`,
  'notification-drift': `pipeline "notification-drift" > task "retrain": Kubeflow Pipelines cannot express starting another pipeline's run (p.submit of "notification-selection-training"): KFP components cannot create runs of other pipelines (got "notification-selection-training"). Compile this pipeline for Argo with target: 'argo' (p.submit creates an Argo Workflow from the started pipeline's WorkflowTemplate), or start the run from outside KFP.`,
  'product-ranking-drift': `pipeline "product-ranking-drift" > task "retrain": Kubeflow Pipelines cannot express starting another pipeline's run (p.submit of "product-ranking-training"): KFP components cannot create runs of other pipelines (got "product-ranking-training"). Compile this pipeline for Argo with target: 'argo' (p.submit creates an Argo Workflow from the started pipeline's WorkflowTemplate), or start the run from outside KFP.`,
};

const checker = new KfpStrictChecker(resolve(sharedDir(), 'schemas', 'kfp'));
// Keyed by environment, app and pipeline: environments pass different settings into the same
// pipeline builder, so every variant is compiled, not only the last one seen.
const variants = new Map<string, PipelineIR>();
for (const env of resolveProject(referenceProject).environments)
  for (const app of env.apps) for (const p of app.pipelines) variants.set(`${env.name}/${app.name}/${p.name}`, p);

describe('every reference-project pipeline compiles for Kubeflow Pipelines (or says what stops it)', () => {
  it("has every environment's variant of every pipeline", () => {
    const environments = new Set([...variants.keys()].map((k) => k.split('/')[0]));
    expect(environments.size).toBeGreaterThan(1);
    expect(variants.size).toBeGreaterThan(new Set([...variants.values()].map((p) => p.name)).size);
  });

  it.each([...variants.keys()].sort())('%s', (key) => {
    const p = variants.get(key) as PipelineIR;
    let compiled;
    try {
      compiled = compileKfpPipeline(p, { toolVersion: '0.0.0-test' });
    } catch (e) {
      if (!(e instanceof DslError)) throw e;
      expect(e.message, `${key} does not compile for KFP; list it in KFP_STOPPERS if that is intended`).toBe(
        KFP_STOPPERS[p.name],
      );
      return;
    }
    expect(KFP_STOPPERS[p.name], `${key} compiles now; remove it from KFP_STOPPERS`).toBeUndefined();
    expect(kfpLintFindings(compiled)).toEqual([]);
    expect(
      checker.check(compiled.platformSpec ? [compiled.pipelineSpec, compiled.platformSpec] : [compiled.pipelineSpec]),
    ).toEqual([]);
  });
});
