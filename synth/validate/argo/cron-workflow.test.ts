import { describe, expect, it } from 'vitest';
import { echo } from '../../../test/argo-workflow-kit.ts';
import { storeOf } from './context.ts';
import type { ArgoObject, Template } from './types.ts';
import { argoVerdict } from './workflow.ts';

describe('Argo semantic rules: CronWorkflows', () => {
  it('GIVEN a CronWorkflow with a malformed schedule WHEN validated THEN the schedule is named', () => {
    const cron = (schedule: string): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c' },
      spec: { schedules: [schedule], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } },
    });
    expect(argoVerdict(cron('0 3 * * 1'), storeOf([]))).toBeUndefined();
    expect(argoVerdict(cron('0 25 * * 1'), storeOf([]))).toContain('cron schedule 0 25 * * 1 is malformed');
  });

  it('GIVEN a CronWorkflow scheduled on February 30 WHEN validated THEN it is rejected as never firing', () => {
    const cron = (schedule: string): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c' },
      spec: { schedules: [schedule], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } },
    });
    expect(argoVerdict(cron('0 3 30 2 *'), storeOf([]))).toContain(
      'cron schedule 0 3 30 2 * is malformed: (project): cron never fires: no month in "2" has day 30 (got "0 3 30 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
    );
    expect(argoVerdict(cron('0 3 29 2 *'), storeOf([]))).toBeUndefined();
  });

  it.each([
    ['concurrency policy', { concurrencyPolicy: 'Sometimes' }, "'Sometimes' is not a valid concurrencyPolicy"],
    ['starting deadline', { startingDeadlineSeconds: -5 }, 'startingDeadlineSeconds must be positive'],
    ['time zone', { timezone: 'Mars/Olympus' }, "invalid timezone 'Mars/Olympus'"],
    ['schedule and schedules', { schedule: '0 1 * * *' }, 'cant be configured with both'],
  ])('GIVEN a CronWorkflow with a bad %s WHEN validated THEN it is rejected', (_what, extra, error) => {
    const cron = (more: object): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c' },
      spec: {
        schedules: ['0 3 * * 1'],
        timezone: 'Europe/Berlin',
        workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] },
        ...more,
      },
    });
    expect(argoVerdict(cron({}), storeOf([]))).toBeUndefined();
    expect(argoVerdict(cron(extra), storeOf([]))).toContain(error);
  });

  it('GIVEN a CronWorkflow name over 52 characters WHEN validated THEN it is rejected (a timestamp is appended to run names)', () => {
    const cron: ArgoObject = {
      kind: 'CronWorkflow',
      metadata: { name: 'c'.repeat(53) },
      spec: { schedules: ['0 3 * * 1'], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } },
    };
    expect(argoVerdict(cron, storeOf([]))).toContain('must not be more than 52 characters');
  });
});
