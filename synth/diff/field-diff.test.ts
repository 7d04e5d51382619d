import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, diffValues, leaves } from './field-diff.ts';

describe('field diff', () => {
  it('GIVEN equal values WHEN diffed THEN there is no change', () => {
    expect(diffValues({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toEqual([]);
  });

  it('GIVEN changed, added and removed keys WHEN diffed THEN each is a path with old/new values', () => {
    expect(diffValues({ spec: { a: 1, b: 2 } }, { spec: { a: 3, c: 4 } })).toEqual([
      { path: 'spec.a', before: 1, after: 3 },
      { path: 'spec.b', before: 2 },
      { path: 'spec.c', after: 4 },
    ]);
  });

  it('GIVEN lists of named items WHEN one is inserted THEN items are matched by name, not position', () => {
    const before = {
      templates: [
        { name: 'a', image: 'x:1' },
        { name: 'b', image: 'y:1' },
      ],
    };
    const after = {
      templates: [
        { name: 'new', image: 'z:1' },
        { name: 'a', image: 'x:2' },
        { name: 'b', image: 'y:1' },
      ],
    };
    expect(diffValues(before, after)).toEqual([
      { path: 'templates[name=a].image', before: 'x:1', after: 'x:2' },
      { path: 'templates[name=new]', after: { name: 'new', image: 'z:1' } },
    ]);
  });

  it('GIVEN named items only reordered WHEN diffed THEN the new order is reported', () => {
    expect(diffValues({ s: [{ name: 'a' }, { name: 'b' }] }, { s: [{ name: 'b' }, { name: 'a' }] })).toEqual([
      { path: 's[*]', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('GIVEN keys that are not identifiers WHEN diffed THEN they are quoted', () => {
    expect(
      diffValues({ labels: { 'app.kubernetes.io/name': 'a' } }, { labels: { 'app.kubernetes.io/name': 'b' } })[0]?.path,
    ).toBe('labels["app.kubernetes.io/name"]');
  });

  it('GIVEN two texts WHEN line-diffed THEN removed and added lines are marked', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual(['  a', '- b', '+ B', '  c']);
  });

  it('GIVEN a nested value WHEN flattened THEN every scalar has its path', () => {
    expect(leaves({ c: [{ name: 'm', image: 'x' }], n: 1 })).toEqual([
      { path: 'c[name=m].image', value: 'x' },
      { path: 'c[name=m].name', value: 'm' },
      { path: 'n', value: 1 },
    ]);
  });
});

describe('field diff properties', () => {
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
        : x,
    );
  const named = fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'c'), v: fc.jsonValue({ maxDepth: 1 }) }), {
    maxLength: 4,
  });
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ items: named, spec: fc.jsonValue({ maxDepth: 2 }) }),
  );

  it('GIVEN any two values WHEN diffed THEN there is a change exactly when they differ', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(diffValues(a, b).length === 0).toBe(canonical(a) === canonical(b));
        expect(diffValues(a, a)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
