import { describe, expect, it } from 'vitest';
import { app, component, param, pipeline, project, schedule } from '../../../dsl/index.ts';
import { synthesize } from '../../engine.ts';
import { validateSources } from '../validate.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// A tiny KFP project: one pipeline with a Kubernetes setting (so a PlatformSpec is written) and a schedule.
const fit = component('fit', {
  image: 'python:3.12-slim',
  inputs: { day: param.string() },
  outputs: { score: param.float() },
  command: (io) => ['fit', io.inputs.day, io.outputs.score.path],
});
const report = component('report', {
  image: 'python:3.12-slim',
  inputs: { score: param.float() },
  command: (io) => ['report', io.inputs.score],
});
const training = pipeline(
  'training',
  { params: { day: param.string() }, nodeSelector: { pool: 'batch' } },
  (p, params) => {
    const f = p.task('fit', fit, { day: params.day });
    p.task('report', report, { score: f.outputs.score });
  },
);
const nightly = schedule(training, { name: 'nightly', cron: '0 3 * * *', args: { day: 'today' } });
const synthesized = synthesize(project('p', { apps: [app('a', { schedules: [nightly] })] }), {
  pipelineBackend: 'kfp',
  toolVersion: '1.0.0',
}).files;

/** Fresh copies of the synthesized documents, to break one at a time. */
const pipelineFile = (): Any[] =>
  structuredClone(synthesized.find((f) => f.path.endsWith('pipelinespec.training.yaml'))!.documents) as Any[];
const recurringRun = (): Any =>
  structuredClone(synthesized.find((f) => f.path.endsWith('recurringrun.nightly.yaml'))!.documents[0]) as Any;

/** Validates files of documents; one `file#n Kind name | rule path: message` line per finding. */
function findings(files: Record<string, readonly unknown[]>, skip: string[] = []): string[] {
  const documents = Object.entries(files).flatMap(([file, docs]) =>
    docs.map((object, index) => ({ file, index, object })),
  );
  const reports = validateSources({ documents, problems: [], files: Object.keys(files).length }, { skip });
  return reports.flatMap((r) =>
    r.findings.map(
      (f) =>
        `${r.file}#${r.index} ${r.kind} ${r.name} | ${f.severity === 'warning' ? 'warning ' : ''}${f.rule}${f.path ? ` ${f.path}` : ''}: ${f.message}`,
    ),
  );
}
const rules = (lines: string[]): string[] => [...new Set(lines.map((l) => l.split(' | ')[1]!.split(':')[0]!))];

describe('argosy validate on KFP documents', () => {
  it('GIVEN what argosy synth --target kfp writes WHEN validated THEN each document is recognized by its shape and passes', () => {
    expect(pipelineFile()).toHaveLength(2);
    const documents = [
      ...pipelineFile().map((object, index) => ({ file: 'p.yaml', index, object })),
      { file: 'r.yaml', index: 0, object: recurringRun() },
    ];
    const reports = validateSources({ documents, problems: [], files: 2 });
    expect(reports.map((r) => `${r.kind} ${r.name}: ${r.findings.length}`)).toEqual([
      'PipelineSpec training: 0',
      'PlatformSpec training: 0',
      'RecurringRun nightly: 0',
    ]);
  });

  describe('upload rules (kfp/upload)', () => {
    it.each([
      ['schemaVersion 2.0.0', (s: Any) => void (s.schemaVersion = '2.0.0'), 'kfp/upload schemaVersion'],
      ['no pipeline name', (s: Any) => void (s.pipelineInfo.name = ''), 'kfp/upload pipelineInfo.name'],
      ['no root', (s: Any) => void delete s.root, 'kfp/upload root'],
    ])('GIVEN a PipelineSpec with %s WHEN validated THEN the API server rule is an error', (_what, breakIt, rule) => {
      const [spec, platform] = pipelineFile();
      breakIt(spec!);
      const found = findings({ 'p.yaml': [spec, platform] });
      expect(found.filter((l) => l.includes('kfp/upload'))).toEqual([
        expect.stringContaining(`p.yaml#0 PipelineSpec ${spec!.pipelineInfo.name || '(unnamed)'} | ${rule}: `),
      ]);
    });

    it('GIVEN a PlatformSpec without platforms.kubernetes WHEN validated THEN it is an error, since KFP would drop it', () => {
      const [spec] = pipelineFile();
      expect(findings({ 'p.yaml': [spec, { platforms: { other: {} } }] })).toEqual([
        expect.stringMatching(
          /^p\.yaml#1 PlatformSpec training \| kfp\/upload platforms\.kubernetes: the PlatformSpec has no platforms\.kubernetes, so KFP ignores it/,
        ),
      ]);
    });

    it('GIVEN documents a pipeline file cannot hold WHEN validated THEN each is flagged, and the pipeline itself still passes', () => {
      const [spec, platform] = pipelineFile();
      expect(
        findings({
          'p.yaml': [spec, platform, structuredClone(platform)],
          'q.yaml': [platform],
          'r.yaml': [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, spec],
        }),
      ).toEqual([
        expect.stringMatching(
          /^p\.yaml#2 PlatformSpec training \| kfp\/upload: KFP reads a pipeline file as one PipelineSpec, first, and optionally its PlatformSpec second, so this document would be dropped or refused \(got a PlatformSpec as document 3\)/,
        ),
        expect.stringMatching(
          /^q\.yaml#0 PlatformSpec \(unnamed\) \| kfp\/upload: a PlatformSpec counts only as the second document/,
        ),
        expect.stringMatching(
          /^r\.yaml#1 PipelineSpec training \| kfp\/upload: .* \(got a PipelineSpec as document 2\)/,
        ),
      ]);
    });
  });

  describe('the compiler lint (kfp/lint)', () => {
    it.each([
      [
        'a task names a missing component',
        (s: Any) => void (s.root.dag.tasks.fit.componentRef.name = 'comp-missing'),
        'root > task fit: componentRef "comp-missing" is not a component',
      ],
      [
        'a component names a missing executor',
        (s: Any) => void delete s.deploymentSpec.executors['exec-report'],
        'comp-report: executorLabel "exec-report" has no executor',
      ],
      [
        'a task depends on a missing task',
        (s: Any) => void (s.root.dag.tasks.report.dependentTasks = ['fit', 'no-such-task']),
        'root > task report: dependentTasks names "no-such-task", which is not a sibling task',
      ],
      [
        'a producer is not a sibling',
        (s: Any) => void (s.root.dag.tasks.report.inputs.parameters.score.taskOutputParameter.producerTask = 'gone'),
        'root > task report: producerTask "gone" is not a sibling task',
      ],
      [
        'an executor drops a placeholder',
        (s: Any) => void (s.deploymentSpec.executors['exec-report'].container.command = ['report']),
        'comp-report: input parameter "score" has no placeholder in the executor\'s command, args or env',
      ],
      [
        'an executor names an undeclared port',
        (s: Any) =>
          void s.deploymentSpec.executors['exec-report'].container.command.push("{{$.inputs.parameters['nope']}}"),
        "comp-report: executor placeholder {{$.inputs.parameters['nope']}} names a port the component does not declare",
      ],
    ])('GIVEN a PipelineSpec where %s WHEN validated THEN the lint reports it', (_what, breakIt, message) => {
      const [spec, platform] = pipelineFile();
      breakIt(spec!);
      expect(findings({ 'p.yaml': [spec, platform] })).toContain(
        `p.yaml#0 PipelineSpec training | kfp/lint: ${message}`,
      );
    });

    it('GIVEN a platform executor for a missing executor WHEN validated THEN the lint, which reads both documents, reports it', () => {
      const [spec, platform] = pipelineFile();
      platform!.platforms.kubernetes.deploymentSpec.executors['exec-gone'] = {};
      expect(findings({ 'p.yaml': [spec, platform] })).toEqual([
        'p.yaml#0 PipelineSpec training | kfp/lint: platform exec-gone: no such executor',
      ]);
    });

    it('GIVEN wrong types where the lint expects mappings WHEN validated THEN it is a finding, not a crash', () => {
      const [spec] = pipelineFile();
      spec!.root = { dag: { tasks: { fit: { componentRef: null, dependentTasks: 7 } } } };
      expect(rules(findings({ 'p.yaml': [spec] }))).toContain('kfp/lint');
    });
  });

  describe('recurring-run bodies (kfp/recurring-run)', () => {
    it.each([
      [
        'maxConcurrency 11',
        (b: Any) => void (b.maxConcurrency = '11'),
        'kfp/recurring-run maxConcurrency: maxConcurrency must be a whole number from 1 to 10',
      ],
      ['no maxConcurrency', (b: Any) => void delete b.maxConcurrency, 'kfp/recurring-run maxConcurrency: '],
      [
        'a four-field cron',
        (b: Any) => void (b.trigger.cronSchedule.cron = '0 3 * *'),
        'kfp/recurring-run trigger.cronSchedule.cron: not a cron KFP parses',
      ],
      [
        'a five-field cron',
        (b: Any) => void (b.trigger.cronSchedule.cron = '30 3 * * *'),
        'warning kfp/recurring-run trigger.cronSchedule.cron: KFP reads crons seconds first, so these five fields mean second 30, minute 3',
      ],
      [
        'two schedules',
        (b: Any) => void (b.trigger.periodicSchedule = { intervalSecond: '60' }),
        'kfp/recurring-run trigger: a trigger is either a cronSchedule or a periodicSchedule',
      ],
      [
        'an interval of 0',
        (b: Any) => void (b.trigger = { periodicSchedule: { intervalSecond: '0' } }),
        'kfp/recurring-run trigger.periodicSchedule.intervalSecond: the interval must be a whole number of seconds, at least 1',
      ],
      ['no trigger', (b: Any) => void delete b.trigger, 'kfp/recurring-run trigger: a recurring run needs a trigger'],
      [
        'an empty name',
        (b: Any) => void (b.displayName = ''),
        'kfp/recurring-run displayName: a recurring run needs a name',
      ],
      [
        'two pipeline sources',
        (b: Any) => void (b.pipelineVersionReference = { pipelineId: 'p' }),
        'kfp/recurring-run: a recurring run runs exactly one pipeline',
      ],
      ['an unknown mode', (b: Any) => void (b.mode = 'ON'), 'kfp/recurring-run mode: mode is ENABLE or DISABLE'],
      [
        'a misspelt field',
        (b: Any) => void (b.maxConcurency = '1'),
        'kfp/recurring-run maxConcurency: "maxConcurency" is not a field of a KFP RecurringRun, so the KFP API server drops it',
      ],
      [
        'a stray key next to pipeline_spec',
        (b: Any) => void (b.pipelineSpec.platform = {}),
        'kfp/recurring-run pipelineSpec.platform: KFP reads only pipeline_spec and platform_spec here',
      ],
      [
        'an inline spec with a dangling reference',
        (b: Any) => void (b.pipelineSpec.pipeline_spec.root.dag.tasks.fit.componentRef.name = 'comp-x'),
        'kfp/lint pipelineSpec.pipeline_spec: root > task fit: componentRef "comp-x" is not a component',
      ],
      [
        'an inline spec of the wrong version',
        (b: Any) => void (b.pipelineSpec.pipeline_spec.schemaVersion = '2.0.0'),
        'kfp/upload pipelineSpec.pipeline_spec.schemaVersion: schemaVersion must be 2.1.0',
      ],
      [
        'an inline platform without kubernetes',
        (b: Any) => void (b.pipelineSpec.platform_spec = { platforms: {} }),
        'kfp/upload pipelineSpec.platform_spec.platforms.kubernetes: ',
      ],
    ])('GIVEN a body with %s WHEN validated THEN it is reported', (_what, breakIt, expected) => {
      const body = recurringRun();
      breakIt(body);
      const found = findings({ 'r.yaml': [body] });
      expect(
        found.some((l) => l.split(' | ')[1]!.startsWith(expected)),
        found.join('\n'),
      ).toBe(true);
      expect(found.every((l) => l.startsWith(`r.yaml#0 RecurringRun ${body.displayName || '(unnamed)'} | `))).toBe(
        true,
      );
    });

    it('GIVEN snake_case field names, a periodic trigger and the PipelineSpec inline without a wrapper WHEN validated THEN they pass, as ProtoJSON and the API server accept them', () => {
      const { displayName, pipelineSpec, trigger: _t, maxConcurrency, ...rest } = recurringRun();
      const body = {
        display_name: displayName,
        pipelineSpec: pipelineSpec.pipeline_spec,
        max_concurrency: 3,
        trigger: { periodic_schedule: { interval_second: '3600' } },
        ...rest,
      };
      expect(findings({ 'r.yaml': [body] })).toEqual([]);
      expect(findings({ 'r.yaml': [{ ...recurringRun(), trigger: { cronSchedule: { cron: '@every 2h' } } }] })).toEqual(
        [],
      );
    });
  });

  it('GIVEN KFP rules or the whole kfp layer in skip WHEN validating THEN only those are silenced, and KFP documents never get Kubernetes findings', () => {
    const [spec, platform] = pipelineFile();
    spec!.schemaVersion = '2.0.0';
    spec!.root.dag.tasks.fit.componentRef.name = 'comp-missing';
    const files = { 'p.yaml': [spec, platform] };
    expect(rules(findings(files))).toEqual(['kfp/upload schemaVersion', 'kfp/lint']);
    expect(rules(findings(files, ['kfp/lint']))).toEqual(['kfp/upload schemaVersion']);
    expect(findings(files, ['kfp'])).toEqual([]);
  });
});
