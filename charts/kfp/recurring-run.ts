import { DslError, seg, type PathSegment } from '../../dsl/errors.ts';
import type { PipelineIR, ScheduleIR, ValueIR } from '../../dsl/ir/index.ts';
import { goDurationSeconds } from '../go-duration.ts';
import type { OutputFile } from '../target.ts';
import type { CompiledKfpPipeline } from './pipeline-spec.ts';
import type { Json } from './types.ts';

/** KFP runs at most this many runs of one recurring run at once (`max_concurrency` is 1-10). */
const KFP_MAX_CONCURRENCY = 10;

/** Go layout of RFC 3339, which the scheduled-workflow controller's `[[ScheduledTime.<layout>]]` macro formats with. */
const RFC3339 = '2006-01-02T15:04:05Z07:00';

/**
 * Runtime values of a scheduled run as the macros KFP's scheduled-workflow controller substitutes
 * into the parameters of each run it starts. Argo's `workflow.name` has no KFP counterpart here.
 */
const MACROS: Partial<Record<string, string>> = {
  scheduledTime: `[[ScheduledTime.${RFC3339}]]`,
  creationTimestamp: `[[CurrentTime.${RFC3339}]]`,
  workflowUid: '[[RunUUID]]',
};

/** Six-field (seconds first) crons for Argo's descriptors; KFP's parser wants the seconds field. */
const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/** The KFP trigger of one Argo cron: a six-field cron schedule, or a periodic one for `@every`. */
function trigger(cron: string, at: readonly PathSegment[]): Json {
  const every = /^@every\s+(.+)$/.exec(cron);
  if (every) {
    const seconds = goDurationSeconds(every[1] as string);
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new DslError({
        path: at,
        problem: 'a KFP periodic schedule counts whole seconds',
        got: cron,
        fix: 'Use an interval of whole seconds, e.g. @every 90s',
      });
    }
    return { periodicSchedule: { intervalSecond: String(seconds) } };
  }
  return { cronSchedule: { cron: DESCRIPTORS[cron] ?? `0 ${cron}` } };
}

function parameterValue(v: ValueIR, at: readonly PathSegment[]): unknown {
  switch (v.kind) {
    case 'literal':
      return v.value;
    case 'concat':
      return v.parts.map((part) => String(parameterValue(part, at))).join('');
    case 'runtime': {
      const macro = MACROS[v.name];
      if (macro !== undefined) return macro;
      throw new DslError({
        path: at,
        problem: `a KFP recurring run has no value for runtime.${v.name}`,
        got: v.name,
        fix: 'Pass runtime.scheduledTime, runtime.creationTimestamp, runtime.workflowUid or a literal',
      });
    }
    default:
      throw new DslError({
        path: at,
        problem: `a schedule argument cannot be a ${v.kind}`,
        got: v.kind,
        fix: 'Pass a literal or a runtime value',
      });
  }
}

/**
 * A schedule of a KFP-compiled pipeline as the body of `POST /apis/v2beta1/recurringruns` (KFP
 * `RecurringRun`, camelCase ProtoJSON), one per cron: the PipelineSpec (and PlatformSpec) inline,
 * so it needs no uploaded pipeline, the arguments as runtime parameters, concurrency as
 * `maxConcurrency`, `suspend` as `mode: DISABLE`. Catch-up is off, as a CronWorkflow does not
 * replay missed runs. Settings KFP has no field for are reported through `note`.
 *
 * @example
 * ```ts
 * recurringRunFiles(schedule, pipelineIR, compiled, 'production', note); // [{ fileName: 'recurringrun.ctr-weekly.yaml', ... }]
 * ```
 */
export function recurringRunFiles(
  s: ScheduleIR,
  p: PipelineIR,
  compiled: CompiledKfpPipeline,
  env: string,
  note: (message: string) => void,
): OutputFile[] {
  const at = [seg('environment', env), seg('schedule', s.name)];
  const parameters = Object.fromEntries(
    Object.entries(s.args).map(([k, v]) => [k, parameterValue(v, [...at, seg('arg', k)])]),
  );
  const approximated = [
    ...(s.timezone && s.timezone !== 'UTC' && s.timezone !== 'Etc/UTC'
      ? [
          `timezone ${s.timezone} (KFP evaluates crons in its scheduled-workflow controller's zone: UTC unless CRON_SCHEDULE_TIMEZONE is set)`,
        ]
      : []),
    ...(s.concurrency === 'Replace'
      ? ['concurrency "replace" (KFP cannot stop the running run; maxConcurrency 1 waits for it instead)']
      : []),
    ...(s.startingDeadlineSeconds !== undefined ? ['startingDeadline (KFP has no deadline for late starts)'] : []),
    ...(s.successfulJobsHistoryLimit !== undefined || s.failedJobsHistoryLimit !== undefined
      ? ['history limits (KFP keeps runs until they are deleted or expire)']
      : []),
  ];
  if (approximated.length)
    note(`environment "${env}" > schedule "${s.name}": the KFP recurring run cannot carry ${approximated.join('; ')}`);
  const pipelineSpec = {
    pipeline_spec: compiled.pipelineSpec,
    ...(compiled.platformSpec ? { platform_spec: compiled.platformSpec } : {}),
  };
  return s.crons.map((cron, i) => {
    const name = s.crons.length === 1 ? s.name : `${s.name}-${i + 1}`;
    return {
      fileName: `recurringrun.${name}.yaml`,
      documents: [
        {
          displayName: name,
          ...(s.description ? { description: s.description } : {}),
          pipelineSpec,
          ...(Object.keys(parameters).length ? { runtimeConfig: { parameters } } : {}),
          ...(p.options.serviceAccountName ? { serviceAccount: p.options.serviceAccountName } : {}),
          maxConcurrency: String(s.concurrency === 'Allow' ? KFP_MAX_CONCURRENCY : 1),
          trigger: trigger(cron, [...at, 'cron']),
          mode: s.suspend ? 'DISABLE' : 'ENABLE',
          noCatchup: true,
        },
      ],
    };
  });
}
