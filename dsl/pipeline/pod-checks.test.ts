import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipeline } from './pipeline.ts';
import { quantityValue } from './pod-checks.ts';

describe('quantityValue', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1536Mi', 1536 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2G', 2e9],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('GIVEN %s THEN its value is %d', (q, value) => expect(quantityValue(q)).toBe(value));

  it('PROPERTY: a binary unit is 1024 times the one below it', () => {
    const units = ['Ki', 'Mi', 'Gi', 'Ti'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 3 }), (n, u) => {
        return quantityValue(`${n}${units[u]}`) === quantityValue(`${n * 1024}${units[u - 1]}`);
      }),
    );
  });
});

describe('pipeline pod options', () => {
  const build = (opts: object) => () => pipeline('p', opts as never, () => undefined);

  it('GIVEN a bad label or toleration on a pipeline WHEN it is defined THEN the pipeline and field are named', () => {
    expect(build({ podLabels: { team: 'data science' } })).toThrow(
      'pipeline "p" > podLabels > label "team": label value must be at most 63 letters',
    );
    expect(build({ nodeSelector: { 'bad key': 'x' } })).toThrow('pipeline "p" > nodeSelector > label "bad key"');
    expect(build({ tolerations: [{ key: 'gpu', effect: 'Never' }] })).toThrow(
      'pipeline "p" > tolerations > [0] > effect: unknown taint effect (got "Never")',
    );
  });
});

describe('pipeline pod GC', () => {
  it('GIVEN an unknown podGC strategy WHEN the pipeline is defined THEN the strategies are listed', () => {
    expect(() => pipeline('p', { podGC: 'Sometimes' } as never, () => undefined)).toThrow(
      'pipeline "p" > podGC: unknown pod GC strategy (got "Sometimes"). Use one of "OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess".',
    );
  });
});
