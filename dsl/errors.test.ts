import { describe, expect, it } from 'vitest';
import { component, param, pipeline } from './index.ts';
import { article, showValue } from './errors.ts';

describe('showValue', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [[1, Number.NaN], '[1,NaN]'],
    [() => 1, 'a function'],
    [{ run: () => 1 }, '{"run":a function}'],
    [{ a: undefined }, '{"a":undefined}'],
    [undefined, 'undefined'],
    ['x', '"x"'],
    [{ n: 1, s: 'a', l: [true, null] }, '{"n":1,"s":"a","l":[true,null]}'],
    [10n, '10n'],
  ])('GIVEN %s THEN it is shown as %s', (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });

  it('GIVEN a cycle or a long value THEN it stays one short line', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(showValue(loop)).toBe('{"a":1,"self":[circular]}');
    expect(showValue('x'.repeat(200))).toHaveLength(80);
  });

  it('GIVEN a maximum length THEN the text is cut there, or not at all for Infinity', () => {
    expect(showValue('x'.repeat(200), 20)).toBe(`"${'x'.repeat(16)}...`);
    expect(showValue('x'.repeat(200), Number.POSITIVE_INFINITY)).toBe(`"${'x'.repeat(200)}"`);
  });
});

describe('article', () => {
  it.each([
    ['int', 'an'],
    ['float', 'a'],
    ['HTML', 'an'],
    ['Model', 'a'],
    ['Artifact', 'an'],
  ])('GIVEN %s THEN %s', (word, a) => {
    expect(article(word)).toBe(a);
  });

  it('GIVEN a string passed to an int input THEN the fix reads "an int"', () => {
    const c = component('c', { image: 'busybox:1.36', inputs: { n: param.int() }, command: ['true'] });
    expect(() =>
      pipeline('p', {}, (p) => {
        p.task('t', c, { n: 'x' as never });
      }),
    ).toThrow(
      'pipeline "p" > task "t" > input "n": expected an integer (got "x"). Pass an int literal or a reference to an int parameter.',
    );
  });
});
