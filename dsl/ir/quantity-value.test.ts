import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantityValue } from './quantity-value.ts';

describe('quantityValue', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1536Mi', 1536 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2G', 2e9],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0.1', 0.1],
  ])('GIVEN %s THEN its value is %d', (q, value) => expect(quantityValue(q)).toBe(value));

  it('GIVEN text that is not a quantity THEN its value is NaN (never a crash)', () => {
    expect(quantityValue('lots')).toBeNaN();
    expect(quantityValue('2Xi')).toBeNaN();
  });

  it('PROPERTY: a binary unit is 1024 times the one below it', () => {
    const units = ['Ki', 'Mi', 'Gi', 'Ti'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 3 }), (n, u) => {
        return quantityValue(`${n}${units[u]}`) === quantityValue(`${n * 1024}${units[u - 1]}`);
      }),
    );
  });
});
