import { describe, expect, it } from 'vitest';
import { echo } from '../test/fixtures/components.ts';
import { app, environment, param, pipeline, project, resolveProject, schedule } from '../dsl/index.ts';
import { leapYearWarning, scheduleWarnings } from './schedule-warnings.ts';

describe('leap-year schedules', () => {
  it('GIVEN a cron on February 29 only THEN it is a warning; other days are not', () => {
    expect(leapYearWarning('0 3 29 2 *')).toBe(
      'cron "0 3 29 2 *" fires only on February 29, once in four years. Pick a day every year has (e.g. 28), unless that is the point',
    );
    expect(leapYearWarning('CRON_TZ=UTC 0 3 29 2 *')).toMatch(/fires only on February 29/);
    expect(leapYearWarning('0 3 28 2 *')).toBeUndefined();
    expect(leapYearWarning('0 3 29 2 1')).toBeUndefined();
  });

  it('GIVEN a project with a leap-day schedule WHEN synthesized THEN synth warns naming it', () => {
    const p = pipeline('yearly', { params: { date: param.string() } }, (b, params) => {
      b.task('say', echo, { text: params.date });
    });
    const ir = resolveProject(
      project('demo', {
        environments: [environment('staging', { namespace: 'ml' })],
        apps: [app('a', { schedules: [schedule(p, { cron: '0 3 29 2 *', args: { date: 'x' } })] })],
      }),
    );
    expect(scheduleWarnings(ir)).toEqual([
      'schedule "yearly" (staging/a): cron "0 3 29 2 *" fires only on February 29, once in four years. Pick a day every year has (e.g. 28), unless that is the point',
    ]);
  });
});
