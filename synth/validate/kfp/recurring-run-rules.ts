import { isObject, obj, show } from '../object-path.ts';
import { child } from './kfp-documents.ts';
import type { KfpProblem } from './kfp-rules.ts';

/** Input fields of KFP's v2beta1 RecurringRun; ProtoJSON accepts them camelCase or snake_case. */
const FIELDS = [
  'displayName',
  'description',
  'pipelineVersionId',
  'pipelineSpec',
  'pipelineVersionReference',
  'runtimeConfig',
  'serviceAccount',
  'maxConcurrency',
  'trigger',
  'mode',
  'noCatchup',
  'namespace',
  'experimentId',
];
/** Output fields: ignored on create, but legal (a body saved from a GET). */
const OUTPUT_FIELDS = ['recurringRunId', 'createdAt', 'updatedAt', 'status', 'error'];
const SOURCES = ['pipelineSpec', 'pipelineVersionReference', 'pipelineVersionId'];
const MODES = ['MODE_UNSPECIFIED', 'ENABLE', 'DISABLE', 0, 1, 2];
const SCHEDULE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  cronSchedule: ['startTime', 'endTime', 'cron'],
  periodicSchedule: ['startTime', 'endTime', 'intervalSecond'],
};

const camel = (k: string): string => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** The value of a field under either of its ProtoJSON names. */
const field = (o: Record<string, unknown>, name: string): unknown =>
  o[name] ?? o[name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
const got = (v: unknown): string => JSON.stringify(show(v ?? null));

function unknownKeys(o: Record<string, unknown>, known: readonly string[], base: string, what: string): KfpProblem[] {
  return Object.keys(o)
    .filter((k) => !known.includes(camel(k)))
    .map((k) => ({
      path: child(base, k),
      message: `"${k}" is not a field of ${what}, so the KFP API server drops it (got ${got(o[k])}). Remove it or fix its spelling`,
    }));
}

/** An int64 in ProtoJSON: a number or a decimal string. */
function int64(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

function triggerProblems(trigger: unknown): KfpProblem[] {
  if (!isObject(trigger))
    return [
      {
        path: 'trigger',
        message: `a recurring run needs a trigger (got ${got(trigger)}). Set trigger.cronSchedule.cron or trigger.periodicSchedule.intervalSecond`,
      },
    ];
  const out = unknownKeys(trigger, Object.keys(SCHEDULE_FIELDS), 'trigger', 'Trigger');
  const set = Object.keys(SCHEDULE_FIELDS).filter((k) => field(trigger, k) !== undefined);
  if (set.length !== 1)
    out.push({
      path: 'trigger',
      message: `a trigger is either a cronSchedule or a periodicSchedule, a oneof (got ${set.length === 0 ? 'neither' : 'both'}). Keep one`,
    });
  for (const k of set) {
    const s = obj(field(trigger, k));
    out.push(
      ...unknownKeys(
        s,
        SCHEDULE_FIELDS[k] as readonly string[],
        child('trigger', k),
        k === 'cronSchedule' ? 'CronSchedule' : 'PeriodicSchedule',
      ),
    );
  }
  const cron = obj(field(trigger, 'cronSchedule')).cron;
  if (set.includes('cronSchedule')) {
    const fields = typeof cron === 'string' ? cron.trim().split(/\s+/) : [];
    const path = 'trigger.cronSchedule.cron';
    // The API server parses with robfig/cron: seconds first, the day of week optional.
    if (typeof cron === 'string' && cron.trim().startsWith('@')) {
      // Descriptors (@daily, @every 1h) are the parser's own.
    } else if (fields.length === 5) {
      // Legal for the parser (the day of week is optional), but a standard cron read one field off.
      const [s, m, h, dom, month] = fields;
      out.push({
        severity: 'warning',
        path,
        message: `KFP reads crons seconds first, so these five fields mean second ${s}, minute ${m}, hour ${h}, day ${dom}, month ${month} (got ${got(cron)}). Prepend the seconds: "0 ${fields.join(' ')}"`,
      });
    } else if (fields.length !== 6) {
      out.push({
        path,
        message: `not a cron KFP parses: it wants six fields, seconds first, or a descriptor such as @daily (got ${got(cron)}). Write e.g. "0 30 3 * * *"`,
      });
    }
  }
  if (set.includes('periodicSchedule')) {
    const interval = field(obj(field(trigger, 'periodicSchedule')), 'intervalSecond');
    const n = int64(interval);
    if (n === undefined || n < 1)
      out.push({
        path: 'trigger.periodicSchedule.intervalSecond',
        message: `the interval must be a whole number of seconds, at least 1, as the API server requires (got ${got(interval)}). Set e.g. "3600"`,
      });
  }
  return out;
}

/**
 * The body of `POST /apis/v2beta1/recurringruns` as the KFP API server checks it on create: a
 * display name, exactly one pipeline source, `maxConcurrency` within 1-10, a trigger with one
 * schedule KFP's cron parser reads (six fields, seconds first) or an interval of at least one
 * second, a known `mode`, and no field the server would drop. The inline pipeline is checked
 * by the caller like any PipelineSpec.
 */
export function recurringRunProblems(body: Record<string, unknown>): KfpProblem[] {
  const out = unknownKeys(body, [...FIELDS, ...OUTPUT_FIELDS], '', 'a KFP RecurringRun');
  const name = field(body, 'displayName');
  if (typeof name !== 'string' || name.trim() === '')
    out.push({
      path: 'displayName',
      message: `a recurring run needs a name: the API server refuses an empty displayName (got ${got(name)}). Set displayName`,
    });
  const sources = SOURCES.filter((k) => field(body, k) !== undefined);
  if (sources.length !== 1) {
    out.push({
      path: '',
      message: `a recurring run runs exactly one pipeline: pipelineSpec (inline) or pipelineVersionReference, a oneof (got ${sources.length === 0 ? 'neither' : sources.join(' and ')}). Keep one`,
    });
  }
  const concurrency = field(body, 'maxConcurrency');
  const n = int64(concurrency);
  if (n === undefined || n < 1 || n > 10)
    out.push({
      path: 'maxConcurrency',
      message: `maxConcurrency must be a whole number from 1 to 10, the range the API server accepts (got ${got(concurrency)}). Set e.g. "1"`,
    });
  out.push(...triggerProblems(field(body, 'trigger')));
  const mode = field(body, 'mode');
  if (mode !== undefined && !MODES.includes(mode as string))
    out.push({ path: 'mode', message: `mode is ENABLE or DISABLE (got ${got(mode)}). Use one of those` });
  const catchup = field(body, 'noCatchup');
  if (catchup !== undefined && typeof catchup !== 'boolean')
    out.push({ path: 'noCatchup', message: `noCatchup must be true or false (got ${got(catchup)}). Unquote it` });
  for (const k of ['description', 'serviceAccount']) {
    const v = field(body, k);
    if (v !== undefined && typeof v !== 'string')
      out.push({ path: k, message: `${k} must be a string (got ${got(v)}). Quote it` });
  }
  const runtime = field(body, 'runtimeConfig');
  if (runtime !== undefined) {
    if (!isObject(runtime))
      out.push({
        path: 'runtimeConfig',
        message: `runtimeConfig must be a mapping of parameters and pipelineRoot (got ${got(runtime)}). Fix its indentation`,
      });
    else {
      out.push(...unknownKeys(runtime, ['parameters', 'pipelineRoot'], 'runtimeConfig', 'RuntimeConfig'));
      const params = runtime.parameters;
      if (params !== undefined && !isObject(params))
        out.push({
          path: 'runtimeConfig.parameters',
          message: `runtime parameters must be a mapping of name to value (got ${got(params)}). Write them as name: value`,
        });
    }
  }
  return out;
}

/**
 * The pipeline a recurring run carries inline: `pipelineSpec` is a Struct holding either
 * `{pipeline_spec, platform_spec}` or the PipelineSpec itself, as the API server reads it.
 */
export function inlinePipeline(body: Record<string, unknown>): {
  spec?: { value: unknown; path: string };
  platform?: { value: unknown; path: string };
  problems: KfpProblem[];
} {
  const holder = field(body, 'pipelineSpec');
  if (holder === undefined) return { problems: [] };
  const path = 'pipelineSpec' in body ? 'pipelineSpec' : 'pipeline_spec';
  if (!isObject(holder))
    return {
      problems: [
        {
          path,
          message: `pipelineSpec must be a mapping holding the PipelineSpec (got ${got(holder)}). Put the compiled pipeline there`,
        },
      ],
    };
  if (!('pipeline_spec' in holder)) return { spec: { value: holder, path }, problems: [] };
  const problems = Object.keys(holder)
    .filter((k) => k !== 'pipeline_spec' && k !== 'platform_spec')
    .map((k) => ({
      path: child(path, k),
      message: `KFP reads only pipeline_spec and platform_spec here and ignores "${k}" (got ${got(holder[k])}). Remove it or fix its spelling`,
    }));
  return {
    spec: { value: holder.pipeline_spec, path: child(path, 'pipeline_spec') },
    ...(holder.platform_spec !== undefined
      ? { platform: { value: holder.platform_spec, path: child(path, 'platform_spec') } }
      : {}),
    problems,
  };
}
