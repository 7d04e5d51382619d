import { describe, expect, it } from 'vitest';
import { show } from './object-path.ts';

describe('show (untrusted YAML as text)', () => {
  it.each([
    ['main', 'main'],
    [3, '3'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Number.NaN, 'NaN'],
    [[1, 'a'], '[1,"a"]'],
    // A YAML mapping may hold toString/valueOf keys, which break String(v) and template literals.
    [{ toString: 'x', valueOf: 1 }, '{"toString":"x","valueOf":1}'],
    // .nan inside a list is NaN, not the null JSON.stringify would claim.
    [[Number.NaN], '[NaN]'],
  ])('GIVEN %s THEN it is shown as %s', (value, text) => {
    expect(show(value)).toBe(text);
  });

  it('GIVEN a long value THEN it is shown in full, since the text also serves as a parameter value', () => {
    const long = { list: Array.from({ length: 40 }, (_, i) => `item-${i}`) };
    expect(show(long)).toBe(JSON.stringify(long));
  });

  it('GIVEN a structure that refers to itself (YAML aliases) THEN it is shown without throwing', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(show(loop)).toBe('{"a":1,"self":[circular]}');
  });
});
