import { describe, expect, it } from 'vitest';
import { echo } from '../test/fixtures/components.ts';
import { collectErrors } from '../dsl/common/collect.ts';
import { app, environment, param, pipeline, project, schedule, type Platform } from '../dsl/index.ts';
import { synthesize } from './engine.ts';
import { fixtureProject } from '../test/fixtures/deployments.ts';

// The platform option end to end: project() -> IR -> every target -> adapted output files.
const p = pipeline('report', { params: { date: param.string() } }, (b, params) => {
  b.task('say', echo, { text: params.date });
});
const demo = (crons: readonly string[], platform?: Platform) =>
  project('demo', {
    environments: [environment('prod', { namespace: 'ml' })],
    apps: [app('a', { schedules: [schedule(p, { cron: crons as string[], args: { date: 'x' } })] })],
    ...(platform ? { platform } : {}),
  });
const cronSpec = (files: readonly { path: string; documents: readonly unknown[] }[]) =>
  (files.find((f) => f.path === 'prod/a/cronworkflow.report.yaml')?.documents[0] as { spec: Record<string, unknown> })
    .spec;

describe('synth with a platform', () => {
  it('GIVEN Argo Workflows 3.5 WHEN synthesized THEN the CronWorkflow has a single schedule string', () => {
    const spec = cronSpec(synthesize(demo(['0 3 * * *'], { argoWorkflows: '3.5' })).files);
    expect(spec.schedule).toBe('0 3 * * *');
    expect(spec).not.toHaveProperty('schedules');
  });

  it('GIVEN no platform WHEN synthesized THEN the output is the newest form', () => {
    expect(cronSpec(synthesize(demo(['0 3 * * *'])).files).schedules).toEqual(['0 3 * * *']);
  });

  it('GIVEN two crons on Argo 3.5 WHEN a build collects errors THEN the mistake is reported with its path and minimum version', async () => {
    await expect(
      collectErrors(() => synthesize(demo(['0 3 * * *', '0 4 * * *'], { argoWorkflows: '3.5' }))),
    ).rejects.toThrow(
      'environment "prod" > app "a" > CronWorkflow "report" > spec.schedules: Argo Workflows 3.5 takes one cron expression per CronWorkflow (a list of schedules needs Argo Workflows 3.6 or later)',
    );
  });
});

type Doc = {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: {
    predictor?: { canaryTrafficPercent?: number };
    canary?: unknown[];
    templates?: { name: string; resource?: { action: string; manifest: string } }[];
  };
};
const docsOf = (key: string, platform?: Platform): Doc[] =>
  synthesize(fixtureProject(key, platform)).files.flatMap((f) => f.documents as Doc[]);
const kserve015: Platform = { kserve: '0.15' };

describe('synth with a KServe version', () => {
  it('GIVEN KServe 0.15 and a Knative canary WHEN synthesized THEN the InferenceService says Serverless and canaries by canaryTrafficPercent', () => {
    const docs = docsOf('kserve-canary-knative', kserve015);
    const isvc = docs.find((d) => d.kind === 'InferenceService') as Doc;
    expect(isvc.metadata.annotations?.['serving.kserve.io/deploymentMode']).toBe('Serverless');
    expect(isvc.spec.predictor?.canaryTrafficPercent).toBe(0);
    expect(isvc.spec).not.toHaveProperty('canary');
  });

  it('GIVEN KServe 0.15 and a Knative canary WHEN the promotion workflow is synthesized THEN every patch moves canaryTrafficPercent, never spec.canary', () => {
    const wf = docsOf('kserve-canary-knative', kserve015).find((d) => d.kind === 'WorkflowTemplate') as Doc;
    const patches = (wf.spec.templates ?? [])
      .filter((t) => t.resource?.action === 'patch')
      .map((t) => [t.name, t.resource?.manifest ?? ''] as const);
    expect(patches.map(([n]) => n).sort()).toEqual(['promote', 'rollback', 'set-traffic']);
    for (const [, manifest] of patches) expect(manifest).not.toContain('/spec/canary');
    const promote = patches.find(([n]) => n === 'promote')?.[1] ?? '';
    // Knative promotes by removing the field (the latest revision becomes the rolled-out one)...
    expect(promote).toContain('{"op":"remove","path":"/spec/predictor/canaryTrafficPercent"}');
    // ...and rolls back by pinning the previous revision with 0 %.
    expect(patches.find(([n]) => n === 'rollback')?.[1]).toContain(
      '{"op":"add","path":"/spec/predictor/canaryTrafficPercent","value":0}',
    );
  });

  it('GIVEN KServe 0.15 and a Standard-mode canary WHEN a build collects errors THEN it is refused with the minimum version and the alternatives', async () => {
    await expect(collectErrors(() => synthesize(fixtureProject('kserve-canary', kserve015)))).rejects.toThrow(
      'environment "production" > app "kserve-canary" > deployment "churn" > strategy: a canary on KServe Standard (RawDeployment) mode runs the candidate in spec.canary[], which needs KServe 0.20 or later (got "kserve 0.15"). Target kserve 0.20 or later in project(..., { platform }), or use deploymentMode: "Knative" (canaryTrafficPercent), or serve it with server() (Argo Rollouts).',
    );
  });

  it('GIVEN KServe 0.13 and a Standard-mode blue/green WHEN synthesized THEN the alternatives leave out Knative (it has no blue/green)', async () => {
    await expect(
      collectErrors(() => synthesize(fixtureProject('kserve-blue-green', { kserve: '0.13' }))),
    ).rejects.toThrow(
      'a blue/green on KServe Standard (RawDeployment) mode runs the candidate in spec.canary[], which needs KServe 0.20 or later (got "kserve 0.13"). Target kserve 0.20 or later in project(..., { platform }), or serve it with server() (Argo Rollouts).',
    );
  });

  it('GIVEN KServe 0.15 and a side-by-side shadow WHEN synthesized THEN it builds, every InferenceService in RawDeployment mode', () => {
    const modes = docsOf('kserve-shadow', kserve015)
      .filter((d) => d.kind === 'InferenceService')
      .map((d) => d.metadata.annotations?.['serving.kserve.io/deploymentMode']);
    expect(modes.length).toBeGreaterThan(1);
    expect(new Set(modes)).toEqual(new Set(['RawDeployment']));
  });

  it('GIVEN the newest KServe WHEN synthesized THEN the output is the renamed value and spec.canary[]', () => {
    const isvc = docsOf('kserve-canary').find((d) => d.kind === 'InferenceService') as Doc;
    expect(isvc.metadata.annotations?.['serving.kserve.io/deploymentMode']).toBe('Standard');
    expect(isvc.spec.canary).toHaveLength(1);
  });
});

describe('synth with an Argo Rollouts version', () => {
  it('GIVEN Argo Rollouts 1.6 WHEN every plain-server fixture is synthesized THEN each builds unchanged from the newest output', () => {
    for (const key of ['server-canary', 'server-shadow', 'server-ab-test-weighted', 'server-blue-green']) {
      expect(docsOf(key, { argoRollouts: '1.6' })).toEqual(docsOf(key));
    }
  });
});
