import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisIR, MetricIR } from './index.ts';
import { windowed } from './analysis-window.ts';

const m = (name: string, extra: Partial<MetricIR> = {}): MetricIR => ({
  name,
  args: [],
  provider: { kind: 'prometheus', query: 'up' },
  successCondition: 'result[0] > 0',
  ...extra,
});
const a = (...metrics: MetricIR[]): AnalysisIR => ({ metrics, dryRun: [] });

describe('windowed()', () => {
  it('GIVEN an interval and no count WHEN fitted to a window THEN it is measured every interval for the window', () => {
    const w = windowed(a(m('x', { interval: '1m', intervalSeconds: 60 })), 600);
    expect(w.waitFirst).toBe(false);
    expect(w.analysis.metrics[0]?.count).toBe(10);
  });

  it('GIVEN no interval WHEN fitted THEN the single measurement is taken at the end of the window', () => {
    expect(windowed(a(m('x')), 900).analysis.metrics[0]?.initialDelay).toBe('900s');
  });

  it('GIVEN only counted metrics WHEN fitted THEN the window is waited out first and the metrics are unchanged', () => {
    const src = a(m('x', { interval: '1m', intervalSeconds: 60, count: 3 }));
    expect(windowed(src, 600)).toEqual({ analysis: src, waitFirst: true });
  });

  it('GIVEN any window and interval WHEN fitted THEN the measurements fit the window and there is at least one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 86400 }), fc.integer({ min: 1, max: 3600 }), (seconds, interval) => {
        const count =
          windowed(a(m('x', { interval: `${interval}s`, intervalSeconds: interval })), seconds).analysis.metrics[0]
            ?.count ?? 0;
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count === 1 || count * interval <= seconds).toBe(true);
      }),
    );
  });
});
