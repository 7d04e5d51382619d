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
