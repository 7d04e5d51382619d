import { describe, expect, it } from 'vitest';
import { echo } from '../test/fixtures/components.ts';
import { collectErrors } from '../dsl/common/collect.ts';
import { app, environment, param, pipeline, project, schedule, type Platform } from '../dsl/index.ts';
import { synthesize } from './engine.ts';

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
