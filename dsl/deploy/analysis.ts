import { DslError, seg, type PathSegment } from '../errors.ts';
import type { AnalysisIR } from '../ir/index.ts';
import { assertKnownKeys } from './checks.ts';
import { checkSettings, metricToIR, type Metric, type MetricSettings } from './metric.ts';

/**
 * Options of {@link analysis}: the metrics plus defaults for their measurement settings.
 *
 * @example
 * ```ts
 * { interval: minutes(1), count: 5, failureLimit: 1, metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })] }
 * ```
 */
export interface AnalysisOptions extends MetricSettings {
  readonly metrics: readonly Metric[];
  /** Metrics that are recorded but never fail the gate (trial runs of a new check). */
  readonly dryRun?: readonly string[];
}

/**
 * A metric gate; each place it runs becomes an Argo Rollouts AnalysisTemplate.
 * @example
 * ```ts
 * const gate: Analysis = analysis({ metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })] });
 * ```
 */
export interface Analysis {
  readonly kind: 'analysis';
  readonly ir: AnalysisIR;
}

/**
 * Declares a metric gate. Any failing metric aborts the rollout (or, for KServe, rolls the
 * traffic back); a gate that cannot decide pauses (Rollouts) or rolls back (KServe workflows).
 *
 * @example
 * ```ts
 * const gate = analysis({
 *   interval: minutes(1),
 *   failureLimit: 1,
 *   metrics: [
 *     metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) }),
 *     metric.prometheus('p99-latency', { query: latencyP99(), success: below(0.25) }),
 *   ],
 * });
 * ```
 */
export function analysis(opts: AnalysisOptions): Analysis {
  const path = ['analysis()'];
  assertKnownKeys(
    opts,
    [
      'metrics',
      'dryRun',
      'interval',
      'initialDelay',
      'count',
      'failureLimit',
      'inconclusiveLimit',
      'consecutiveErrorLimit',
    ],
    path,
    'analysis()',
  );
  if (!Array.isArray(opts.metrics) || opts.metrics.length === 0) {
    throw new DslError({
      path: [...path, 'metrics'],
      problem: 'an analysis needs at least one metric',
      got: opts.metrics,
      fix: 'Add e.g. metric.prometheus("error-rate", { query: errorRate(), success: below(0.01) })',
    });
  }
  const defaults = checkSettings({ ...opts, metrics: undefined, dryRun: undefined } as MetricSettings, path);
  const seen = new Set<string>();
  const metrics = opts.metrics.map((m, i) => {
    if (!m || (m as Metric).kind !== 'metric') {
      throw new DslError({
        path: [...path, `metrics[${i}]`],
        problem: 'expected a metric',
        got: m,
        fix: 'Build it with metric.prometheus(), metric.web() or metric.job()',
      });
    }
    if (seen.has(m.name)) {
      throw new DslError({
        path: [...path, seg('metric', m.name)],
        problem: 'two metrics have the same name',
        got: m.name,
        fix: 'Give every metric of an analysis a unique name',
      });
    }
    seen.add(m.name);
    return metricToIR(m, pickSettings(defaults), path);
  });
  for (const name of opts.dryRun ?? []) {
    if (!seen.has(name)) {
      throw new DslError({
        path: [...path, 'dryRun'],
        problem: `no metric is named "${name}"`,
        got: name,
        fix: `Use one of: ${[...seen].join(', ')}`,
      });
    }
  }
  return { kind: 'analysis', ir: { metrics, dryRun: [...(opts.dryRun ?? [])] } };
}

function pickSettings(s: MetricSettings): MetricSettings {
  return Object.fromEntries(
    Object.entries(s).filter(([k, v]) => v !== undefined && k !== 'metrics' && k !== 'dryRun'),
  ) as MetricSettings;
}

/** Checks that a value is an Analysis built with analysis(). */
export function assertAnalysis(a: unknown, path: readonly PathSegment[]): Analysis {
  if (!a || typeof a !== 'object' || (a as Analysis).kind !== 'analysis') {
    throw new DslError({
      path,
      problem: 'expected an analysis',
      got: a,
      fix: 'Build it with analysis({ metrics: [...] })',
    });
  }
  return a as Analysis;
}

/**
 * A blocking analysis must end by itself: a metric with an interval and no count would be
 * measured forever and the rollout would never continue.
 */
export function assertBounded(a: AnalysisIR, path: readonly PathSegment[], where: string): void {
  for (const m of a.metrics) {
    if (m.interval !== undefined && m.count === undefined) {
      throw new DslError({
        path: [...path, seg('metric', m.name)],
        problem: `${where} runs until every metric is done, but this metric has an interval and no count`,
        got: m.interval,
        fix: 'Set count (e.g. count: 5) on the metric or the analysis',
      });
    }
  }
}
