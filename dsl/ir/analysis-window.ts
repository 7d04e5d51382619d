import type { AnalysisIR, MetricIR } from './index.ts';

/**
 * Fits an analysis to a measuring window of `seconds` (a canary step's pause on KServe, a shadow's
 * duration): a metric with an interval and no count is measured every interval for the whole
 * window; a metric without interval is measured once at the end of the window. When every metric
 * has its own count the window is waited out first (`waitFirst`), then the analysis runs.
 */
export function windowed(
  a: AnalysisIR,
  seconds: number,
): { readonly analysis: AnalysisIR; readonly waitFirst: boolean } {
  const open = (m: MetricIR): boolean => m.count === undefined;
  if (!a.metrics.some(open)) return { analysis: a, waitFirst: true };
  const metrics = a.metrics.map((m): MetricIR => {
    if (!open(m)) return m;
    if (m.intervalSeconds !== undefined) return { ...m, count: Math.max(1, Math.floor(seconds / m.intervalSeconds)) };
    return m.initialDelay !== undefined || seconds <= 0 ? m : { ...m, initialDelay: `${seconds}s` };
  });
  return { analysis: { ...a, metrics }, waitFirst: false };
}

/** The first measurement waits this long after a traffic change so rate windows have samples. */
export const WARM_UP = '60s';

/**
 * The analysis as it runs right after a traffic change (setWeight, setMirrorRoute, a KServe
 * traffic patch or sync): the version under test has too few samples for a rate yet, the
 * NaN-guarded conditions would measure Inconclusive, and an Inconclusive run pauses a Rollout for
 * a human. So metrics without their own `initialDelay` wait WARM_UP first; an analysis (or a
 * metric) sets a shorter or longer one with `initialDelay`. With `inconclusive: 'tolerate-one'` (the Rollout path) a
 * metric measured more than once also tolerates one empty window after the warm-up (a quiet
 * minute at low traffic) unless it sets its own `inconclusiveLimit`; a second one still pauses.
 */
export function warmedUp(a: AnalysisIR, inconclusive: 'strict' | 'tolerate-one' = 'strict'): AnalysisIR {
  return {
    ...a,
    metrics: a.metrics.map((m): MetricIR => {
      const delayed = m.initialDelay !== undefined ? m : { ...m, initialDelay: WARM_UP };
      const repeated = m.count === undefined ? m.intervalSeconds !== undefined : m.count > 1;
      return inconclusive === 'tolerate-one' && repeated && m.inconclusiveLimit === undefined
        ? { ...delayed, inconclusiveLimit: 1 }
        : delayed;
    }),
  };
}
