import { toGoDuration, toSeconds, type Duration } from '../common/duration.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import type { AnalysisArgName, EnvVarIR, MetricIR, MetricProviderIR } from '../ir/index.ts';
import { envToIR, resourcesToIR, type ResourceSpec } from '../pipeline/pod-spec.ts';
import { argsUsed } from './analysis-args.ts';
import { assertCondition, type Condition } from './analysis-conditions.ts';
import { assertInt, assertKnownKeys, assertToken, stringList, type ServingEnvValue } from './checks.ts';

/**
 * How often and how many times a metric is measured, and how many bad results it tolerates.
 * Unset fields take the defaults given to {@link analysis}.
 *
 * @example
 * ```ts
 * { interval: minutes(1), count: 10, failureLimit: 2 }
 * ```
 */
export interface MetricSettings {
  /** Time between measurements; without it the metric is measured once. */
  readonly interval?: Duration;
  readonly initialDelay?: Duration;
  /** Number of measurements; leave it out with an interval to measure for the whole window. */
  readonly count?: number;
  /** Failed measurements tolerated before the metric fails (default 0). */
  readonly failureLimit?: number;
  /** Inconclusive measurements tolerated before the run is inconclusive (default 0). */
  readonly inconclusiveLimit?: number;
  /** Consecutive provider errors tolerated (Argo Rollouts default 4). */
  readonly consecutiveErrorLimit?: number;
}

/**
 * One metric of an analysis; build it with `metric.prometheus`, `metric.web` or `metric.job`.
 * @example
 * ```ts
 * const errors: Metric = metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) });
 * ```
 */
export interface Metric {
  readonly kind: 'metric';
  readonly name: string;
  readonly provider: MetricProviderIR;
  readonly args: readonly AnalysisArgName[];
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly settings: MetricSettings;
}

const SETTINGS = [
  'interval',
  'initialDelay',
  'count',
  'failureLimit',
  'inconclusiveLimit',
  'consecutiveErrorLimit',
] as const;
const METRIC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

interface ConditionOptions {
  /** Every measurement must satisfy this. */
  readonly success?: Condition;
  /** A measurement satisfying this fails; with both set, a result matching neither is inconclusive. */
  readonly failure?: Condition;
}

function conditions(
  opts: ConditionOptions,
  numeric: string,
  raw: string,
  path: readonly PathSegment[],
): Pick<Metric, 'successCondition' | 'failureCondition'> {
  if (opts.success === undefined && opts.failure === undefined) {
    throw new DslError({
      path,
      problem: 'a metric without a success or failure condition is always inconclusive',
      got: undefined,
      fix: 'Add success: below(x) (or failure: above(x))',
    });
  }
  return {
    ...(opts.success !== undefined
      ? { successCondition: assertCondition(opts.success, [...path, 'success']).render(numeric, raw) }
      : {}),
    ...(opts.failure !== undefined
      ? { failureCondition: assertCondition(opts.failure, [...path, 'failure']).render(numeric, raw) }
      : {}),
  };
}

/**
 * The condition Argosy adds opposite a numeric Prometheus condition: true only for a result that
 * is a number and does not satisfy `condition`, so no data (NaN) satisfies neither.
 */
export function nanGuardedComplement(condition: string): string {
  return `!isNaN(result[0]) && !(${condition})`;
}

/**
 * Prometheus conditions. Argo Rollouts fails a measurement whose only condition is false, so a
 * NaN (no requests in the window) would fail a healthy model, or pass a silent one when only a
 * failure condition is given. For numeric comparisons Argosy adds the NaN-guarded complement as
 * the missing condition: NaN then matches neither and the measurement is inconclusive (a Rollout
 * pauses for a human; a KServe workflow rolls back). `expr()` conditions are left as written.
 */
function prometheusConditions(
  opts: ConditionOptions,
  path: readonly PathSegment[],
): Pick<Metric, 'successCondition' | 'failureCondition'> {
  const c = conditions(opts, 'result[0]', 'result[0]', path);
  if (opts.failure === undefined && opts.success?.numeric && c.successCondition)
    return { ...c, failureCondition: nanGuardedComplement(c.successCondition) };
  if (opts.success === undefined && opts.failure?.numeric && c.failureCondition)
    return { successCondition: nanGuardedComplement(c.failureCondition), ...c };
  return c;
}

function base(name: string, what: string): PathSegment[] {
  const path = [seg('metric', String(name))];
  if (typeof name !== 'string' || !METRIC_NAME.test(name) || name.length > 63) {
    throw new DslError({
      path,
      problem: `${what} metric name must be lowercase letters, digits and "-"`,
      got: name,
      fix: 'Use e.g. "error-rate" or "p99-latency"',
    });
  }
  return path;
}

/** Validates the measurement settings shared by every provider. */
export function checkSettings(s: MetricSettings, path: readonly PathSegment[]): MetricSettings {
  if (s.interval !== undefined) toSeconds(s.interval, [...path, 'interval']);
  if (s.initialDelay !== undefined) toSeconds(s.initialDelay, [...path, 'initialDelay']);
  if (s.count !== undefined)
    assertInt(
      s.count,
      [...path, 'count'],
      1,
      10_000,
      'Use e.g. count: 5, or leave it out to measure for the whole window',
    );
  if (s.failureLimit !== undefined)
    assertInt(s.failureLimit, [...path, 'failureLimit'], 0, 10_000, 'Use e.g. failureLimit: 2');
  if (s.inconclusiveLimit !== undefined)
    assertInt(s.inconclusiveLimit, [...path, 'inconclusiveLimit'], 0, 10_000, 'Use e.g. inconclusiveLimit: 1');
  if (s.consecutiveErrorLimit !== undefined)
    assertInt(
      s.consecutiveErrorLimit,
      [...path, 'consecutiveErrorLimit'],
      0,
      10_000,
      'Use e.g. consecutiveErrorLimit: 4',
    );
  return s;
}

function settingsOf<T extends MetricSettings>(opts: T): MetricSettings {
  return Object.fromEntries(SETTINGS.filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]])) as MetricSettings;
}

/** Resolves a metric's settings against analysis-wide defaults into IR. */
export function metricToIR(m: Metric, defaults: MetricSettings, path: readonly PathSegment[]): MetricIR {
  const s = { ...defaults, ...m.settings };
  const at = [...path, seg('metric', m.name)];
  if (s.count !== undefined && s.count > 1 && s.interval === undefined) {
    throw new DslError({
      path: [...at, 'count'],
      problem: 'several measurements need an interval between them',
      got: s.count,
      fix: 'Add interval: minutes(1)',
    });
  }
  return {
    name: m.name,
    provider: m.provider,
    args: m.args,
    ...(m.successCondition !== undefined ? { successCondition: m.successCondition } : {}),
    ...(m.failureCondition !== undefined ? { failureCondition: m.failureCondition } : {}),
    ...(s.interval !== undefined
      ? { interval: toGoDuration(s.interval, at), intervalSeconds: toSeconds(s.interval, at) }
      : {}),
    ...(s.initialDelay !== undefined ? { initialDelay: toGoDuration(s.initialDelay, at) } : {}),
    ...(s.count !== undefined ? { count: s.count } : {}),
    ...(s.failureLimit !== undefined ? { failureLimit: s.failureLimit } : {}),
    ...(s.inconclusiveLimit !== undefined ? { inconclusiveLimit: s.inconclusiveLimit } : {}),
    ...(s.consecutiveErrorLimit !== undefined ? { consecutiveErrorLimit: s.consecutiveErrorLimit } : {}),
  };
}

/**
 * Options of `metric.prometheus`.
 * @example
 * ```ts
 * metric.prometheus('p99-latency', { query: latencyP99(), success: below(0.25), interval: minutes(1), count: 5 })
 * ```
 */
export interface PrometheusMetricOptions extends MetricSettings, ConditionOptions {
  /** PromQL; may use the {@link analysisArg} placeholders. */
  readonly query: string;
  /** Prometheus URL; default: the deployment's `prometheus`. */
  readonly address?: string;
  readonly timeout?: Duration;
}

/**
 * Options of `metric.web`.
 * @example
 * ```ts
 * metric.web('auc', { url: 'http://evaluator.ml/score', jsonPath: '{$.auc}', success: above(0.8) })
 * ```
 */
export interface WebMetricOptions extends MetricSettings, ConditionOptions {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** JSONPath of the value to test, e.g. `{$.data.score}`. */
  readonly jsonPath?: string;
  readonly timeout?: Duration;
}

/**
 * Options of `metric.job`: a container whose exit code is the verdict (0 passes).
 * @example
 * ```ts
 * metric.job('smoke', { image: 'ghcr.io/acme/smoke:1', command: ['python3', 'smoke.py'], env: { TARGET: `http://${analysisArg.service}` } })
 * ```
 */
export interface JobMetricOptions extends MetricSettings {
  readonly image: string;
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, ServingEnvValue>>;
  readonly resources?: ResourceSpec;
  /** Retries of the Job's pod; default 0 so a failing check fails the gate at once. */
  readonly backoffLimit?: number;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Job env: literal strings may carry analysis placeholders; references go through the common checks. */
export function jobEnv(
  env: Readonly<Record<string, ServingEnvValue>> | undefined,
  path: readonly PathSegment[],
): EnvVarIR[] {
  return Object.entries(env ?? {}).flatMap(([name, value]): EnvVarIR[] => {
    if (typeof value === 'string' && value.includes('{{')) {
      argsUsed(value, [...path, seg('env', name)]);
      return [{ name, value: [{ kind: 'text', text: value }] }];
    }
    return envToIR({ [name]: value }, path);
  });
}

/**
 * Metric builders, one per Argo Rollouts provider.
 *
 * @example
 * ```ts
 * analysis({
 *   interval: minutes(1), count: 5,
 *   metrics: [
 *     metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) }),
 *     metric.web('drift', { url: `http://drift-svc/score?svc=${analysisArg.service}`, jsonPath: '{$.psi}', success: below(0.2) }),
 *     metric.job('smoke', { image: 'ghcr.io/acme/smoke:1', command: ['python', 'smoke.py'] }),
 *   ],
 * })
 * ```
 */
export const metric = {
  prometheus(name: string, opts: PrometheusMetricOptions): Metric {
    const path = base(name, 'prometheus');
    assertKnownKeys(
      opts,
      ['query', 'address', 'timeout', 'success', 'failure', ...SETTINGS],
      path,
      'metric.prometheus',
    );
    if (typeof opts.query !== 'string' || opts.query.trim() === '') {
      throw new DslError({
        path: [...path, 'query'],
        problem: 'query must be a non-empty PromQL string',
        got: opts.query,
        fix: 'Use e.g. errorRate() or a PromQL string',
      });
    }
    const args = argsUsed(opts.query, [...path, 'query']);
    if (opts.address !== undefined)
      assertToken(opts.address, [...path, 'address'], 'address', 'Use e.g. "http://prometheus.monitoring:9090"');
    return {
      kind: 'metric',
      name,
      args,
      provider: {
        kind: 'prometheus',
        query: opts.query,
        ...(opts.address !== undefined ? { address: opts.address } : {}),
        ...(opts.timeout !== undefined ? { timeoutSeconds: toSeconds(opts.timeout, [...path, 'timeout']) } : {}),
      },
      ...prometheusConditions(opts, path),
      settings: checkSettings(settingsOf(opts), path),
    };
  },

  web(name: string, opts: WebMetricOptions): Metric {
    const path = base(name, 'web');
    assertKnownKeys(
      opts,
      ['url', 'method', 'headers', 'body', 'jsonPath', 'timeout', 'success', 'failure', ...SETTINGS],
      path,
      'metric.web',
    );
    assertToken(opts.url, [...path, 'url'], 'url', 'Use e.g. "http://evaluator.ml:8080/score"');
    const args = [...argsUsed(opts.url, [...path, 'url'])];
    if (opts.body !== undefined) args.push(...argsUsed(opts.body, [...path, 'body']));
    const method = opts.method ?? 'GET';
    if (!['GET', 'POST', 'PUT'].includes(method))
      throw new DslError({
        path: [...path, 'method'],
        problem: 'unsupported method',
        got: method,
        fix: 'Use "GET", "POST" or "PUT"',
      });
    if (opts.jsonPath !== undefined) checkMlflowTags(opts.url, opts.jsonPath, [...path, 'jsonPath']);
    const headers = Object.entries(opts.headers ?? {}).map(([key, value]) => {
      args.push(...argsUsed(value, [...path, seg('header', key)]));
      return { key, value };
    });
    return {
      kind: 'metric',
      name,
      args: unique(args),
      provider: {
        kind: 'web',
        url: opts.url,
        method,
        headers,
        ...(opts.body !== undefined ? { body: opts.body } : {}),
        ...(opts.jsonPath !== undefined ? { jsonPath: opts.jsonPath } : {}),
        ...(opts.timeout !== undefined ? { timeoutSeconds: toSeconds(opts.timeout, [...path, 'timeout']) } : {}),
      },
      // jsonPath values arrive as JSON scalars; asFloat makes numeric thresholds work for "0.93" too.
      ...conditions(opts, 'asFloat(result)', 'result', path),
      settings: checkSettings(settingsOf(opts), path),
    };
  },

  job(name: string, opts: JobMetricOptions): Metric {
    const path = base(name, 'job');
    assertKnownKeys(
      opts,
      ['image', 'command', 'args', 'env', 'resources', 'backoffLimit', ...SETTINGS],
      path,
      'metric.job',
    );
    const command = stringList(opts.command, path, 'command');
    if (command.length === 0)
      throw new DslError({
        path: [...path, 'command'],
        problem: 'a job metric needs a command',
        got: opts.command,
        fix: 'Use e.g. command: ["python3", "check.py"]',
      });
    const args = stringList(opts.args, path, 'args');
    const used = [...command, ...args].flatMap((a) => argsUsed(a, [...path, 'command']));
    const env = jobEnv(opts.env, path);
    env.forEach(
      (e) =>
        'value' in e &&
        e.value.forEach((p) => p.kind === 'text' && used.push(...argsUsed(p.text, [...path, seg('env', e.name)]))),
    );
    const resources = resourcesToIR(opts.resources, path);
    return {
      kind: 'metric',
      name,
      args: unique(used),
      provider: {
        kind: 'job',
        image: assertToken(opts.image, [...path, 'image'], 'image', 'Use e.g. "ghcr.io/acme/checks:1"'),
        command,
        args,
        env,
        ...(resources ? { resources } : {}),
        backoffLimit: assertInt(
          opts.backoffLimit ?? 0,
          [...path, 'backoffLimit'],
          0,
          10,
          'Use 0 so a failing check fails the gate at once',
        ),
      },
      settings: checkSettings(settingsOf(opts), path),
    };
  },
};

/**
 * MLflow's REST API returns a model version's (and a run's) tags as a list of `{key, value}`
 * objects, never as a map, so `$.model_version.tags.<name>` finds nothing and every
 * measurement errors. The list is addressed with a filter instead.
 */
function checkMlflowTags(url: string, jsonPath: string, path: readonly PathSegment[]): void {
  if (!/\/mlflow\//.test(url)) return;
  const m = /\.tags\.([A-Za-z_][\w.-]*?)(?=[}\]]|$)/.exec(jsonPath);
  if (!m) return;
  const fixed = jsonPath.replace(m[0], `.tags[?(@.key=="${m[1]}")].value`);
  throw new DslError({
    path,
    problem: 'MLflow returns tags as a list of {key, value} objects, so a tag cannot be addressed by name',
    got: jsonPath,
    fix: `Use ${fixed}`,
  });
}
