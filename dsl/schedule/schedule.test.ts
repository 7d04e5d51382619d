import { describe, expect, it } from 'vitest';
import { echo } from '../../test/fixtures/components.ts';
import { app, environment, param, pipeline, project, resolveProject, runtime, schedule } from '../index.ts';

const daily = pipeline('daily', { params: { date: param.string(), n: param.int().default(1) } }, (p, params) => {
  p.task('say', echo, { text: params.date });
});

describe('schedule()', () => {
  it('GIVEN options THEN the IR carries Argo CronWorkflow semantics', () => {
    const s = schedule(daily, {
      name: 'daily-9',
      cron: ['0 9 * * *', '0 18 * * *'],
      timezone: 'Europe/Berlin',
      concurrency: 'replace',
      startingDeadline: '10m',
      history: { successful: 2, failed: 5 },
      args: { date: runtime.scheduledTime, n: 3 },
    });
    expect(s.ir).toEqual({
      name: 'daily-9',
      pipeline: 'daily',
      crons: ['0 9 * * *', '0 18 * * *'],
      timezone: 'Europe/Berlin',
      concurrency: 'Replace',
      startingDeadlineSeconds: 600,
      successfulJobsHistoryLimit: 2,
      failedJobsHistoryLimit: 5,
      suspend: false,
      args: { date: { kind: 'runtime', name: 'scheduledTime' }, n: { kind: 'literal', value: 3 } },
    });
  });

  it.each([
    [{ cron: '0 25 * * *', args: { date: 'x' } }, /schedule "daily" > cron: hour 25 is outside 0-23/],
    [{ cron: '0 1 * * *', timezone: 'Berlin Time', args: { date: 'x' } }, /not an IANA time zone name/],
    [{ cron: '0 1 * * *', args: {} }, /arg "date": required pipeline parameter has no value/],
    [{ cron: '0 1 * * *', args: { date: 'x', n: 'many' } }, /arg "n": expected an integer \(got "many"\)/],
    [{ cron: '0 1 * * *', args: { date: 'x', m: 1 } }, /pipeline "daily" has no parameter "m"/],
    [{ cron: '0 1 * * *', concurrency: 'sometimes', args: { date: 'x' } }, /unknown concurrency policy/],
    [{ name: 'Daily', cron: '0 1 * * *', args: { date: 'x' } }, /schedule name is not a valid DNS-1123 label/],
  ])('GIVEN invalid options %j THEN a clear error', (opts, message) => {
    expect(() => schedule(daily, opts as never)).toThrow(message);
  });

  it.each([
    [
      'Mars/Olympus',
      'schedule "daily" > timezone: not an IANA time zone name (got "Mars/Olympus"). Use e.g. "Europe/Berlin" or "UTC" (see the tz database list of zone names).',
    ],
    [
      'europe/berlin',
      'schedule "daily" > timezone: not an IANA time zone name (got "europe/berlin"). Did you mean "Europe/Berlin"?',
    ],
    ['Europe/Berln', 'Did you mean "Europe/Berlin"?'],
    ['Berlin', 'Did you mean "Europe/Berlin"?'],
  ])('GIVEN the time zone %s THEN it is refused with a suggestion when one is close', (timezone, message) => {
    expect(() => schedule(daily, { cron: '0 1 * * *', timezone, args: { date: 'x' } })).toThrow(message);
  });

  it.each(['UTC', 'Etc/UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'US/Eastern'])(
    'GIVEN the time zone %s (canonical or alias) THEN it is accepted as written',
    (timezone) => {
      expect(schedule(daily, { cron: '0 1 * * *', timezone, args: { date: 'x' } }).ir.timezone).toBe(timezone);
    },
  );

  it('GIVEN a pipeline reference as an argument THEN it is refused', () => {
    let ref: unknown;
    pipeline('other', { params: { d: param.string() } }, (p, params) => {
      ref = params.d;
      p.task('say', echo, { text: params.d });
    });
    expect(() => schedule(daily, { cron: '0 1 * * *', args: { date: ref as never } })).toThrow(
      /a schedule can only pass literals and runtime values/,
    );
  });
});

describe('project()', () => {
  const s = schedule(daily, { cron: '0 1 * * *', args: { date: runtime.scheduledTime } });

  it('GIVEN environments THEN apps resolve per environment, schedules pull in their pipeline and staging suspends', () => {
    const ir = resolveProject(
      project('demo', {
        environments: [
          environment('staging', { namespace: 'ml-staging', suspendSchedules: true }),
          environment('production'),
        ],
        apps: [app('daily', { schedules: [s] })],
      }),
    );
    expect(
      ir.environments.map((e) => [
        e.name,
        e.namespace,
        e.apps[0]?.pipelines.map((p) => p.name),
        e.apps[0]?.schedules[0]?.suspend,
      ]),
    ).toEqual([
      ['staging', 'ml-staging', ['daily'], true],
      ['production', undefined, ['daily'], false],
    ]);
  });

  it('GIVEN two apps defining the same WorkflowTemplate in one namespace THEN the clash is reported', () => {
    expect(() =>
      resolveProject(project('demo', { apps: [app('a', { pipelines: [daily] }), app('b', { pipelines: [daily] })] })),
    ).toThrow(/environment "default" > app "b": WorkflowTemplate "daily" is also defined by app "a"/);
  });

  it('GIVEN duplicate app or environment names THEN they are rejected', () => {
    expect(() => project('demo', { apps: [app('a', {}), app('a', {})] })).toThrow(/two apps are named "a"/);
    expect(() => project('demo', { environments: [environment('x'), environment('x')], apps: [] })).toThrow(
      /two environments are named "x"/,
    );
  });
});

describe('schedule options a JavaScript caller can get wrong', () => {
  const make = (opts: object) => () => schedule(daily, { cron: '0 1 * * *', args: { date: 'x' }, ...opts } as never);

  it.each([
    [
      'a misspelt option',
      { timeZone: 'UTC' },
      'schedule "daily" > timeZone: schedule() has no such option (got "timeZone"). Did you mean "timezone"?',
    ],
    [
      'an Argo field name',
      { successfulJobsHistoryLimit: 3 },
      'schedule "daily" > successfulJobsHistoryLimit: schedule() has no such option',
    ],
    [
      'a misspelt history limit',
      { history: { success: 3 } },
      'schedule "daily" > history > success: history has no such limit (got "success"). Use one of: successful, failed.',
    ],
    [
      'suspend as a string',
      { suspend: 'true' },
      'schedule "daily" > suspend: suspend must be true or false (got "true")',
    ],
  ])('GIVEN %s WHEN the schedule is built THEN a DslError names the field', (_name, opts, message) => {
    expect(make(opts)).toThrow(message);
  });

  it('GIVEN every documented option WHEN the schedule is built THEN it is accepted', () => {
    const s = make({
      name: 'daily-eu',
      description: 'd',
      timezone: 'Europe/Berlin',
      concurrency: 'replace',
      startingDeadline: 60,
      history: { successful: 1, failed: 2 },
      suspend: true,
    })();
    expect([s.ir.suspend, s.ir.successfulJobsHistoryLimit, s.ir.failedJobsHistoryLimit]).toEqual([true, 1, 2]);
  });
});
