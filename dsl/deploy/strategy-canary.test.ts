import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DslError } from '../errors.ts';
import { analysis } from './analysis.ts';
import { below } from './analysis-conditions.ts';
import { metric } from './metric.ts';
import { canary as canarySpec } from './strategy-canary.ts';
import { orThrow } from './deferred.ts';

// Strategies and servings report their mistakes where a deployment uses them; these throw them at once.
const canary = ((opts: never) => orThrow(canarySpec(opts))) as typeof canarySpec;

const q = metric.prometheus('error-rate', { query: 'sum(rate(x[5m]))', success: below(0.01) });

describe('canary()', () => {
  it('GIVEN increasing weights with pauses WHEN built THEN the steps keep weight and pause', () => {
    const c = canary({ steps: [{ weight: 10, pause: '10m' }, { weight: 50, pause: 'manual' }, { weight: 100 }] });
    expect(c.ir.steps).toEqual([
      { weight: 10, pause: { kind: 'duration', duration: '10m', seconds: 600 } },
      { weight: 50, pause: { kind: 'manual' } },
      { weight: 100 },
    ]);
    expect(c.ir.analysisMode).toBe('background');
  });

  it('GIVEN weights that do not increase WHEN built THEN a DslError names the step', () => {
    expect(() => canary({ steps: [{ weight: 20 }, { weight: 20 }] })).toThrow(
      /steps\[1\] > weight: weights must increase step by step \(previous step: 20\)/,
    );
  });

  it.each([0, -5, 101, 12.5, Number.NaN])(
    'GIVEN weight %s WHEN built THEN it is rejected as outside (0, 100]',
    (weight) => {
      expect(() => canary({ steps: [{ weight }] })).toThrow(/weight must be a whole percent in \(0, 100\]/);
    },
  );

  it('GIVEN no steps WHEN built THEN it is rejected', () => {
    expect(() => canary({ steps: [] })).toThrow(/at least one step/);
  });

  it.each(['10 minutes', '', -3, '0s'])('GIVEN pause %s WHEN built THEN the duration is rejected', (pause) => {
    expect(() => canary({ steps: [{ weight: 10, pause: pause as string }] })).toThrow(DslError);
  });

  it('GIVEN steps mode and a metric measured forever WHEN built THEN it asks for a count', () => {
    const gate = analysis({ interval: '1m', metrics: [q] });
    expect(() => canary({ steps: [{ weight: 10 }], analysis: gate, analysisMode: 'steps' })).toThrow(
      /has an interval and no count/,
    );
    expect(canary({ steps: [{ weight: 10, pause: '5m' }], analysis: gate }).ir.analysis).toBeDefined();
  });

  it('GIVEN a typo in an option WHEN built THEN the unknown option is named', () => {
    expect(() => canary({ steps: [{ weight: 10 }], analysisMod: 'steps' } as never)).toThrow(
      /canary\(\) > analysisMod: canary\(\) has no option "analysisMod"/,
    );
  });

  it('GIVEN any strictly increasing weights in (0, 100] WHEN built THEN they are accepted; reversed they are rejected', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 8 }), (ws) => {
        const up = [...ws].sort((a, b) => a - b);
        expect(canary({ steps: up.map((weight) => ({ weight })) }).ir.steps.map((s) => s.weight)).toEqual(up);
        expect(() => canary({ steps: [...up].reverse().map((weight) => ({ weight })) })).toThrow(DslError);
      }),
    );
  });

  it('GIVEN a background analysis and no step that pauses WHEN declared THEN the pause is asked for', () => {
    const gate = analysis({ interval: '1m', metrics: [metric.prometheus('e', { query: 'up', success: below(1) })] });
    expect(() => canary({ steps: [{ weight: 10 }, { weight: 50 }], analysis: gate })).toThrow(
      /canary\(\) > steps: a background analysis watches the candidate only while the steps wait, and no step pauses \(got \[10,50\]\)/,
    );
    expect(canary({ steps: [{ weight: 10, pause: '5m' }, { weight: 50 }], analysis: gate }).ir.steps).toHaveLength(2);
  });
});
