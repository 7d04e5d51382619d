import { describe, expect, it } from 'vitest';
import { above, below, between, expr } from './analysis-conditions.ts';
import { metric } from './metric.ts';

/**
 * Argo Rollouts' verdict for one measurement (utils/evaluate): with only a success condition a
 * false one fails; with only a failure condition a false one succeeds; with both, a result that
 * matches neither is inconclusive; a condition that cannot be evaluated (result[0] of an empty
 * vector) is an error. The expressions Argosy writes use only `result[i]`, `isNaN`, `!`, `&&`
 * and comparisons, which mean the same in JavaScript, so they are evaluated as written.
 */
type Verdict = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';
function verdict(m: { successCondition?: string; failureCondition?: string }, result: number[]): Verdict {
  const vector = new Proxy(result, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) >= target.length)
        throw new RangeError('slice index out of range');
      return Reflect.get(target, key);
    },
  });
  const run = (e: string): boolean => Boolean(new Function('result', 'isNaN', `return (${e});`)(vector, Number.isNaN));
  try {
    const s = m.successCondition ? run(m.successCondition) : undefined;
    const f = m.failureCondition ? run(m.failureCondition) : undefined;
    if (f === true) return 'Failed';
    if (s === undefined) return 'Successful';
    if (f === undefined) return s ? 'Successful' : 'Failed';
    return s ? 'Successful' : 'Inconclusive';
  } catch {
    return 'Error';
  }
}

const prom = (opts: Parameters<typeof metric.prometheus>[1]) => metric.prometheus('m', opts);

describe('Prometheus measurements as Argo Rollouts judges them', () => {
  it('GIVEN success: below(x) WHEN a healthy, a bad and a trafficless measurement come in THEN pass, fail, inconclusive', () => {
    const m = prom({ query: 'q', success: below(0.01) });
    expect(m.failureCondition).toBe('!isNaN(result[0]) && !(result[0] < 0.01)');
    expect([verdict(m, [0]), verdict(m, [0.005]), verdict(m, [0.2]), verdict(m, [Number.NaN])]).toEqual([
      'Successful',
      'Successful',
      'Failed',
      'Inconclusive',
    ]);
  });

  it('GIVEN only failure: above(x) WHEN NaN comes in THEN it is inconclusive instead of a silent pass', () => {
    const m = prom({ query: 'q', failure: above(0.25) });
    expect([verdict(m, [0.1]), verdict(m, [0.3]), verdict(m, [Number.NaN])]).toEqual([
      'Successful',
      'Failed',
      'Inconclusive',
    ]);
  });

  it('GIVEN between() and both conditions WHEN NaN comes in THEN neither matches', () => {
    const band = prom({ query: 'q', success: between(0.2, 0.4) });
    expect([verdict(band, [0.3]), verdict(band, [0.5]), verdict(band, [Number.NaN])]).toEqual([
      'Successful',
      'Failed',
      'Inconclusive',
    ]);
    const both = prom({ query: 'q', success: below(0.1), failure: above(0.2) });
    expect([verdict(both, [0.15]), verdict(both, [Number.NaN])]).toEqual(['Inconclusive', 'Inconclusive']);
  });

  it('GIVEN an empty vector (what a bare 5xx rate returns for a healthy model) WHEN judged THEN it is an error, which the helpers avoid with vector(0)', () => {
    expect(verdict(prom({ query: 'q', success: below(0.01) }), [])).toBe('Error');
  });

  it('GIVEN an expr() condition WHEN built THEN no complement is derived', () => {
    const m = prom({ query: 'q', success: expr('len(result) > 0 && all(result, {# < 0.25})') });
    expect(m.failureCondition).toBeUndefined();
  });
});
