import { checkLiteral } from '../pipeline/args.ts';
import { assertCron } from './cron.ts';
import {
  attachedErrors,
  attachErrors,
  errorCount,
  errorsSince,
  isBroken,
  markBroken,
  recover,
} from '../common/collect.ts';
import { toSeconds, type Duration } from '../common/duration.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ParamTypeIR, ScheduleIR, ValueIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import type { AnyPipeline, Pipeline } from '../pipeline/pipeline.ts';
import type { ParamPortMap } from '../pipeline/ports.ts';
import type { ParamRef } from '../pipeline/refs.ts';
import { hasTokens, splitTokens, isParamRef } from '../pipeline/refs.ts';
import { assertTimezone } from './timezone.ts';
import { didYouMean } from '../common/did-you-mean.ts';
import type { ParamValues, RequiredKeys, Simplify, ValueOf } from '../pipeline/typing.ts';

/** Arguments of a scheduled run: literals, or runtime values such as `runtime.scheduledTime`. */
export type ScheduleArgs<P extends ParamPortMap> = Simplify<{
  [K in keyof ParamValues<P>]: ValueOf<P[K]> | ParamRef<ValueOf<P[K]>>;
}>;

interface ScheduleBase {
  /** Object name; defaults to the pipeline's name. Needed when one pipeline has several schedules. */
  readonly name?: string;
  readonly description?: string;
  /** One cron expression or several (Argo v4 `schedules` list). */
  readonly cron: string | readonly string[];
  /** IANA time zone such as `Europe/Berlin`; default UTC. */
  readonly timezone?: string;
  /** What to do when the previous run is still going. Default `forbid`. */
  readonly concurrency?: 'allow' | 'forbid' | 'replace';
  /** A run that could not start within this long of its time is skipped. */
  readonly startingDeadline?: Duration;
  /** How many finished runs to keep. */
  readonly history?: { readonly successful?: number; readonly failed?: number };
  /** Create the schedule paused. Environments can also suspend every schedule. */
  readonly suspend?: boolean;
}

/** Options of {@link schedule}; `args` is required when the pipeline has required parameters. */
export type ScheduleOptions<P extends ParamPortMap> = ScheduleBase &
  ([RequiredKeys<P>] extends [never] ? { readonly args?: ScheduleArgs<P> } : { readonly args: ScheduleArgs<P> });

/** A cron trigger for a pipeline. */
export interface Schedule {
  readonly kind: 'schedule';
  readonly name: string;
  readonly pipeline: AnyPipeline;
  readonly ir: ScheduleIR;
}

/**
 * Runs a pipeline on a cron schedule (Argo CronWorkflow referencing the pipeline's WorkflowTemplate).
 * Arguments are checked against the pipeline's parameters.
 *
 * @example
 * ```ts
 * export const ctrWeekly = schedule(ctrTraining, {
 *   cron: cron.weekly({ day: 'mon', hour: 3 }),
 *   timezone: 'Europe/Berlin',
 *   concurrency: 'forbid',
 *   args: { snapshotDate: runtime.scheduledTime },
 * });
 * ```
 */
export function schedule<P extends ParamPortMap>(target: Pipeline<P>, options: ScheduleOptions<P>): Schedule {
  const before = errorCount();
  const built = recover(
    () => buildSchedule(target, options),
    () => brokenSchedule(target, options),
  );
  return attachErrors(built, [...errorsSince(before), ...attachedErrors(target)]);
}

/** What a schedule that failed to build leaves behind, marked broken. */
function brokenSchedule(target: AnyPipeline, options: { readonly name?: unknown } | undefined): Schedule {
  const name = String(options?.name ?? target?.name ?? 'schedule');
  return markBroken({
    kind: 'schedule',
    name,
    pipeline: target,
    ir: { name, pipeline: String(target?.name), crons: [], concurrency: 'Forbid', suspend: false, args: {} },
  });
}

function buildSchedule<P extends ParamPortMap>(target: Pipeline<P>, options: ScheduleOptions<P>): Schedule {
  if (!target || target.kind !== 'pipeline') {
    throw new DslError({
      path: ['schedule'],
      problem: 'schedule needs a pipeline',
      got: target,
      fix: 'Pass a value created with pipeline()',
    });
  }
  const name = options.name ?? target.name;
  const path = [seg('schedule', String(name))];
  assertDnsLabel(name, path, 'schedule name', 52);
  checkOptionKeys(options, path);
  const crons = (Array.isArray(options.cron) ? options.cron : [options.cron]) as readonly unknown[];
  if (crons.length === 0)
    throw new DslError({
      path: [...path, 'cron'],
      problem: 'at least one cron expression is needed',
      got: [],
      fix: 'Pass e.g. cron: "0 3 * * 1"',
    });
  const concurrency = options.concurrency ?? 'forbid';
  if (!['allow', 'forbid', 'replace'].includes(concurrency)) {
    throw new DslError({
      path: [...path, 'concurrency'],
      problem: 'unknown concurrency policy',
      got: concurrency,
      fix: 'Use "allow", "forbid" or "replace"',
    });
  }
  if (options.timezone !== undefined) assertTimezone(options.timezone, [...path, 'timezone']);
  const history = options.history ?? {};
  for (const [k, v] of Object.entries(history)) {
    if (k !== 'successful' && k !== 'failed') {
      throw new DslError({
        path: [...path, 'history', k],
        problem: 'history has no such limit',
        got: k,
        fix: didYouMean(k, ['successful', 'failed'], 'limits'),
      });
    }
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      throw new DslError({
        path: [...path, 'history', k],
        problem: 'history limit must be a non-negative integer',
        got: v,
        fix: 'Use e.g. 3',
      });
    }
  }
  if (options.suspend !== undefined && typeof options.suspend !== 'boolean') {
    throw new DslError({
      path: [...path, 'suspend'],
      problem: 'suspend must be true or false',
      got: options.suspend,
      fix: 'Use suspend: true to create the schedule paused',
    });
  }
  const ir: ScheduleIR = {
    name,
    pipeline: target.name,
    crons: crons.map((c, i) => assertCron(c, [...path, crons.length > 1 ? `cron[${i}]` : 'cron'])),
    ...(options.timezone ? { timezone: options.timezone } : {}),
    concurrency: (concurrency.charAt(0).toUpperCase() + concurrency.slice(1)) as ScheduleIR['concurrency'],
    ...(options.startingDeadline !== undefined
      ? { startingDeadlineSeconds: toSeconds(options.startingDeadline, [...path, 'startingDeadline']) }
      : {}),
    ...(history.successful !== undefined ? { successfulJobsHistoryLimit: history.successful } : {}),
    ...(history.failed !== undefined ? { failedJobsHistoryLimit: history.failed } : {}),
    suspend: options.suspend ?? false,
    // The arguments of a pipeline that failed to build cannot be checked; its own mistake is recorded.
    args: isBroken(target) ? {} : bindScheduleArgs(target, (options as { args?: Record<string, unknown> }).args, path),
    ...(options.description ? { description: options.description } : {}),
  };
  const built: Schedule = { kind: 'schedule', name, pipeline: target, ir };
  return isBroken(target) ? markBroken(built) : built;
}

function bindScheduleArgs(
  target: AnyPipeline,
  args: Record<string, unknown> | undefined,
  path: readonly PathSegment[],
): Record<string, ValueIR> {
  const given = args ?? {};
  const params = new Map(target.ir.params.map((p) => [p.name, p]));
  for (const key of Object.keys(given)) {
    if (!params.has(key)) {
      throw new DslError({
        path: [...path, seg('arg', key)],
        problem: `pipeline "${target.name}" has no parameter "${key}"`,
        got: given[key],
        fix: `Use one of: ${[...params.keys()].join(', ') || '(none)'}`,
      });
    }
  }
  const out: Record<string, ValueIR> = {};
  for (const p of target.ir.params) {
    const at = [...path, seg('arg', p.name)];
    const v = given[p.name];
    if (v === undefined) {
      if (!p.optional)
        throw new DslError({
          path: at,
          problem: 'required pipeline parameter has no value',
          got: undefined,
          fix: `Pass args: { ${p.name}: ... }`,
        });
      continue;
    }
    out[p.name] = scheduleValue(v, p.type, at);
  }
  return out;
}

function scheduleValue(v: unknown, type: ParamTypeIR, at: readonly PathSegment[]): ValueIR {
  const notRuntime = (): never => {
    throw new DslError({
      path: at,
      problem: 'a schedule can only pass literals and runtime values',
      got: 'a pipeline reference',
      fix: 'Use a literal or runtime.scheduledTime',
    });
  };
  if (isParamRef(v)) {
    if (v.scope !== 'global') notRuntime();
    return v.value;
  }
  if (typeof v === 'string' && hasTokens(v)) {
    const parts = splitTokens(v, at).map((p): ValueIR => {
      if (typeof p === 'string') return { kind: 'literal', value: p };
      if (p.s !== 'global') notRuntime();
      return p.v;
    });
    return { kind: 'concat', parts };
  }
  checkLiteral(type, v, at);
  return { kind: 'literal', value: v as never };
}

const OPTION_KEYS = [
  'name',
  'description',
  'cron',
  'timezone',
  'concurrency',
  'startingDeadline',
  'history',
  'suspend',
  'args',
];

/** A misspelt option (`timeZone`, `successfulJobsHistoryLimit`) would otherwise be ignored silently. */
function checkOptionKeys(options: object, path: readonly PathSegment[]): void {
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new DslError({
        path: [...path, key],
        problem: 'schedule() has no such option',
        got: key,
        fix: didYouMean(key, OPTION_KEYS, 'options'),
      });
    }
  }
}
