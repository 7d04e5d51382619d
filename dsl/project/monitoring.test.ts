import { describe, expect, it } from 'vitest';
import { component } from '../pipeline/component.ts';
import { cron } from '../schedule/cron.ts';
import { monitoring, type MonitoringSpec } from './monitoring.ts';
import { pipeline } from '../pipeline/pipeline.ts';
import { app, environment, project, resolveProject } from './project.ts';
import { schedule } from '../schedule/schedule.ts';

const noop = component('noop', { image: 'python:3.12-slim', command: ['true'] });
const batch = pipeline('batch', {}, (p) => {
  p.task('run', noop);
});
const everyFourHours = schedule(batch, { cron: cron.everyHours(4) });

const make = (spec: Partial<MonitoringSpec>) => monitoring('ranker', { model: 'ranker', ...spec });

describe('monitoring()', () => {
  it('GIVEN every kind of alert WHEN declared THEN the IR carries thresholds in base units and default severities', () => {
    const m = make({
      endpoint: { service: 'ranker-predictor', latencyP99: '120ms', errorRate: 0.02 },
      drift: { threshold: 0.25 },
      schedules: [everyFourHours],
      labels: { team: 'recsys' },
      runbook: 'https://wiki.example.com/ranker',
    });
    expect(m.ir).toEqual({
      name: 'ranker',
      model: 'ranker',
      endpoint: {
        services: ['ranker-predictor'],
        latencyP99Ms: 120,
        errorRate: 0.02,
        windowSeconds: 300,
        forSeconds: 600,
      },
      drift: { threshold: 0.25, forSeconds: 0 },
      schedules: [{ name: 'batch', maxIntervalSeconds: 4 * 3600, graceSeconds: 3600 }],
      severity: { latency: 'warning', errors: 'critical', drift: 'warning', schedule: 'warning' },
      labels: { team: 'recsys' },
      runbookUrl: 'https://wiki.example.com/ranker',
    });
  });

  it('GIVEN a latency in seconds WHEN declared THEN it is converted without rounding', () => {
    expect(make({ endpoint: { service: 's', latencyP99: '1.5s', errorRate: 0.01 } }).ir.endpoint?.latencyP99Ms).toBe(
      1500,
    );
  });

  it('GIVEN nothing to watch WHEN declared THEN a DslError asks for at least one alert kind', () => {
    expect(() => make({})).toThrow(
      'monitoring "ranker": nothing to monitor (got ["model"]). Declare at least one of endpoint, drift, schedules or payloadLog.',
    );
  });

  it('GIVEN an error rate given in percent WHEN declared THEN the fraction range is explained', () => {
    expect(() => make({ endpoint: { service: 's', latencyP99: '100ms', errorRate: 5 } })).toThrow(
      /endpoint > errorRate: error rate must be a fraction in \(0, 1\] \(got 5\)/,
    );
  });

  it('GIVEN a label Argosy sets itself WHEN declared THEN it is rejected with the option to use instead', () => {
    expect(() => make({ drift: { threshold: 0.3 }, labels: { severity: 'page' } })).toThrow(
      /label "severity" is set by Argosy .*Use the severity option/,
    );
  });

  it('GIVEN an unknown severity WHEN declared THEN the allowed ones are listed', () => {
    expect(() => make({ drift: { threshold: 0.3 }, severity: { drift: 'page' as never } })).toThrow(
      /severity > drift: unknown severity .*info, warning, critical/,
    );
  });

  it('GIVEN a watched schedule the app does not deploy WHEN resolved THEN the error names it', () => {
    const m = make({ schedules: [everyFourHours] });
    const p = project('p', {
      environments: [environment('prod')],
      apps: [app('ranking', { pipelines: [batch], monitoring: [m] })],
    });
    expect(() => resolveProject(p)).toThrow(
      /monitoring "ranker": watches schedule "batch", which this app does not deploy/,
    );
  });

  it('GIVEN monitoring in an app WHEN resolved THEN the app IR lists it', () => {
    const m = make({ schedules: [everyFourHours] });
    const p = project('p', {
      environments: [environment('prod')],
      apps: [app('ranking', { schedules: [everyFourHours], monitoring: [m] })],
    });
    expect(resolveProject(p).environments[0]?.apps[0]?.monitoring).toEqual([m.ir]);
  });
});
