import { describe, expect, it } from 'vitest';
import { app, component, cron, environment, eq, param, pipeline, project, runtime, schedule } from '../../dsl/index.ts';
import { workflow, template } from '../../dsl/argo/index.ts';
import { synthesize } from '../../synth/engine.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const flip = component('flip', {
  image: 'python:3.12-slim',
  outputs: { side: param.string() },
  command: (io) => ['flip', io.outputs.side.path],
});
const fit = component('fit', {
  image: 'python:3.12-slim',
  inputs: { day: param.string() },
  command: (io) => ['fit', io.inputs.day],
});

const run = (proj: ReturnType<typeof project>, backend: 'argo' | 'kfp' = 'kfp') => {
  const notes: string[] = [];
  const files = synthesize(proj, {
    pipelineBackend: backend,
    toolVersion: '1.0.0',
    onNote: (n) => notes.push(n),
  }).files;
  return { paths: files.map((f) => f.path), files, notes };
};

describe('backend selection', () => {
  const only = pipeline('only-kfp', { target: 'kfp' }, (p) => void p.task('f', flip));
  const either = pipeline('either', {}, (p) => void p.task('f', flip));

  it('GIVEN one pinned KFP pipeline WHEN synthesized for Argo THEN it alone becomes KFP IR', () => {
    const proj = project('mixed', { apps: [app('a', { pipelines: [only, either] })] });
    expect(run(proj, 'argo').paths).toEqual([
      'default/a/pipelinespec.only-kfp.yaml',
      'default/a/workflowtemplate.either.yaml',
    ]);
  });

  it('GIVEN an environment with pipelineBackend kfp WHEN synthesized THEN its unpinned pipelines become KFP IR', () => {
    const proj = project('mixed', {
      environments: [environment('dev'), environment('ml', { pipelineBackend: 'kfp' })],
      apps: [app('a', { pipelines: [either] })],
    });
    expect(run(proj, 'argo').paths).toEqual(['dev/a/workflowtemplate.either.yaml', 'ml/a/pipelinespec.either.yaml']);
  });

  it('GIVEN a pipeline KFP cannot express and no pin WHEN synthesized with --target kfp THEN it stays a WorkflowTemplate and a note says why', () => {
    const looping = pipeline('wide', { parallelism: 2 }, (p) => void p.task('f', flip));
    const { paths, notes } = run(project('p', { apps: [app('a', { pipelines: [looping, either] })] }));
    expect(paths).toEqual(['default/a/pipelinespec.either.yaml', 'default/a/workflowtemplate.wide.yaml']);
    expect(notes).toEqual([
      'environment "default" > app "a": pipeline "wide" stays on Argo Workflows: pipeline "wide" > parallelism: Kubeflow Pipelines cannot express a run-wide parallelism limit (got 2). Limit loops with p.forEach(..., { parallelism }) instead.',
    ]);
  });

  it('GIVEN a pipeline pinned to KFP that KFP cannot express WHEN synthesized THEN the synth fails', () => {
    const wide = pipeline('wide', { target: 'kfp', ...({ parallelism: 2 } as object) }, (p) => void p.task('f', flip));
    expect(() => run(project('p', { apps: [app('a', { pipelines: [wide] })] }), 'argo')).toThrow(
      'pipeline "wide" > parallelism: Kubeflow Pipelines cannot express a run-wide parallelism limit',
    );
  });

  describe('GIVEN a drift pipeline that starts a training pipeline with p.submit', () => {
    const training = pipeline(
      'training',
      { params: { day: param.string() } },
      (p, params) => void p.task('fit', fit, { day: params.day }),
    );
    const drift = (target?: 'argo') =>
      pipeline('drift', { params: { day: param.string() }, ...(target ? { target } : {}) }, (p, params) => {
        const f = p.task('flip', flip);
        p.when(eq(f.outputs.side, 'heads'), (p) => void p.submit('retrain', training, { day: params.day }));
      });

    it('WHEN synthesized with --target kfp THEN both stay on Argo (the submit needs the WorkflowTemplate) with a note each', () => {
      const { paths, notes } = run(
        project('p', {
          environments: [environment('ml', { namespace: 'ml' })],
          apps: [app('a', { pipelines: [drift('argo'), training] })],
        }),
      );
      expect(paths.filter((f) => f.includes('pipelinespec.'))).toEqual([]);
      expect(paths).toContain('ml/a/workflowtemplate.training.yaml');
      expect(notes).toEqual([
        'environment "ml" > app "a": pipeline "drift" stays on Argo Workflows (it sets target: \'argo\')',
        'environment "ml" > app "a": pipeline "training" stays on Argo Workflows: pipeline "drift" starts it with p.submit(), which needs its WorkflowTemplate',
      ]);
    });

    it('WHEN the started pipeline is pinned to KFP THEN the synth fails naming both pipelines', () => {
      const pinned = pipeline(
        'training',
        { target: 'kfp', params: { day: param.string() } },
        (p, params) => void p.task('fit', fit, { day: params.day }),
      );
      const submitter = pipeline(
        'drift',
        { params: { day: param.string() } },
        (p, params) => void p.submit('retrain', pinned, { day: params.day }),
      );
      expect(() => run(project('p', { apps: [app('a', { pipelines: [submitter, pinned] })] }))).toThrow(
        'environment "default" > app "a" > pipeline "training": pipeline "drift" starts this pipeline with p.submit()',
      );
    });
  });

  it('GIVEN a schedule of a pinned Argo pipeline WHEN synthesized with --target kfp THEN the CronWorkflow is still written', () => {
    const argoOnly = pipeline('nightly', { target: 'argo' }, (p) => void p.task('f', flip));
    const proj = project('p', {
      apps: [app('a', { pipelines: [argoOnly], schedules: [schedule(argoOnly, { cron: '0 3 * * *' })] })],
    });
    expect(run(proj).paths).toEqual(['default/a/cronworkflow.nightly.yaml', 'default/a/workflowtemplate.nightly.yaml']);
  });

  it('GIVEN Argo-native objects in a KFP environment WHEN synthesized THEN they are written as Argo objects and a note says so', () => {
    const hello = template('hello', { container: { image: 'busybox:1.36', args: ['hello'] } });
    const proj = project('p', {
      apps: [app('a', { workflows: [workflow({ metadata: { name: 'hello' }, spec: { entrypoint: hello } })] })],
    });
    const { paths, notes } = run(proj);
    expect(paths).toEqual(['default/a/workflow.hello.yaml']);
    expect(notes).toEqual([
      'environment "default" > app "a": its Argo-native objects (Workflow hello) are written as Argo objects whatever the pipeline backend; Kubeflow Pipelines cannot run them',
    ]);
    expect(run(proj, 'argo').notes).toEqual([]);
  });
});

describe('schedules of KFP pipelines become KFP recurring-run request bodies', () => {
  const training = pipeline(
    'training',
    { params: { day: param.string(), depth: param.int().default(6) }, serviceAccount: 'ml' },
    (p, params) => void p.task('fit', fit, { day: params.day }),
  );

  it('GIVEN a daily schedule with a runtime argument WHEN synthesized for KFP THEN recurringrun.<name>.yaml holds the POST /apis/v2beta1/recurringruns body', () => {
    const s = schedule(training, {
      name: 'training-daily',
      cron: cron.daily({ hour: 3, minute: 30 }),
      concurrency: 'forbid',
      args: { day: `d=${runtime.scheduledTime}`, depth: 8 },
    });
    const { files, notes } = run(project('p', { apps: [app('a', { schedules: [s] })] }));
    const spec = files.find((f) => f.path === 'default/a/pipelinespec.training.yaml')?.documents[0];
    const body = files.find((f) => f.path === 'default/a/recurringrun.training-daily.yaml')?.documents[0] as Any;
    expect(body).toEqual({
      displayName: 'training-daily',
      pipelineSpec: { pipeline_spec: spec },
      runtimeConfig: { parameters: { day: 'd=[[ScheduledTime.2006-01-02T15:04:05Z07:00]]', depth: 8 } },
      serviceAccount: 'ml',
      maxConcurrency: '1',
      trigger: { cronSchedule: { cron: '0 30 3 * * *' } },
      mode: 'ENABLE',
      noCatchup: true,
    });
    expect(notes).toEqual([]);
  });

  it('GIVEN two crons, a time zone, replace, a deadline, history and suspend WHEN synthesized THEN one body per cron, disabled, and a note lists what KFP cannot carry', () => {
    const s = schedule(training, {
      name: 'twice',
      cron: ['0 6 * * *', '@every 2h'],
      timezone: 'Europe/Berlin',
      concurrency: 'replace',
      startingDeadline: '1h',
      history: { successful: 3 },
      suspend: true,
      args: { day: 'x' },
    });
    const { files, notes } = run(project('p', { apps: [app('a', { schedules: [s] })] }));
    const bodies = files
      .filter((f) => f.path.includes('/recurringrun.'))
      .map((f) => [f.path, f.documents[0] as Any] as const);
    expect(bodies.map(([p, b]) => [p, b.displayName, b.trigger, b.mode, b.maxConcurrency])).toEqual([
      ['default/a/recurringrun.twice-1.yaml', 'twice-1', { cronSchedule: { cron: '0 0 6 * * *' } }, 'DISABLE', '1'],
      [
        'default/a/recurringrun.twice-2.yaml',
        'twice-2',
        { periodicSchedule: { intervalSecond: '7200' } },
        'DISABLE',
        '1',
      ],
    ]);
    expect(notes).toEqual([
      'environment "default" > schedule "twice": the KFP recurring run cannot carry timezone Europe/Berlin (KFP evaluates crons in its scheduled-workflow controller\'s zone: UTC unless CRON_SCHEDULE_TIMEZONE is set); concurrency "replace" (KFP cannot stop the running run; maxConcurrency 1 waits for it instead); startingDeadline (KFP has no deadline for late starts); history limits (KFP keeps runs until they are deleted or expire)',
    ]);
  });

  it('GIVEN @every intervals WHEN synthesized THEN Go durations become whole seconds, and a fraction of a second is a DslError', () => {
    const trigger = (cron: string) => {
      const { files } = run(
        project('p', {
          apps: [app('a', { schedules: [schedule(training, { name: 'every', cron, args: { day: 'x' } })] })],
        }),
      );
      return (files.find((f) => f.path.includes('/recurringrun.'))?.documents[0] as Any).trigger;
    };
    expect(trigger('@every 1h30m')).toEqual({ periodicSchedule: { intervalSecond: '5400' } });
    expect(trigger('@every 1.1h')).toEqual({ periodicSchedule: { intervalSecond: '3960' } });
    expect(() => trigger('@every 1500ms')).toThrow(
      'environment "default" > schedule "every" > cron: a KFP periodic schedule counts whole seconds (got "@every 1500ms")',
    );
  });

  it('GIVEN a runtime value KFP has no macro for WHEN synthesized THEN a DslError names the schedule and the argument', () => {
    const s = schedule(training, { name: 'named', cron: '0 3 * * *', args: { day: runtime.workflowName } });
    expect(() => run(project('p', { apps: [app('a', { schedules: [s] })] }))).toThrow(
      'environment "default" > schedule "named" > arg "day": a KFP recurring run has no value for runtime.workflowName',
    );
  });
});
