import fc from 'fast-check';
import { CORE_SCHEMA, YAML11_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { canonicalize, renderFile, toYaml, GENERATED_HEADER } from './serialize.ts';

// Strings that YAML 1.1 (Kubernetes) and YAML 1.2 parsers would read as something other than text.
const AMBIGUOUS = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'True',
  'NO',
  '0755',
  '012',
  '0x1F',
  '1e3',
  '.5',
  '1_000',
  '12:30',
  '1:20:30',
  '~',
  'null',
  '',
  '.inf',
  '-.Inf',
  '.NaN',
  '2024-01-01',
  '+1',
  '0b101',
  '=',
  '<<',
  '- a',
  'a: b',
  '#x',
  '@x',
  '`x',
  '{x}',
  '[x]',
  '*x',
  '&x',
  '!x',
  '%x',
  '|',
  '>',
  "'q",
  '"q',
  ' lead',
  'trail ',
  'multi\nline\n',
  'tab\tin',
];

const scalar = fc.oneof(
  fc.constantFrom(...AMBIGUOUS),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  fc.constantFrom('apiVersion', 'kind', 'metadata', 'spec', 'y', 'n', 'on', 'a', 'B', '0755'),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  ),
})).node;

/** canonicalize as it was written first (Object.entries, a comparator, Object.fromEntries): the oracle for the loop version. */
function canonicalizeBefore(value: unknown, topLevel = true): unknown {
  const first = ['apiVersion', 'kind', 'metadata'];
  if (Array.isArray(value)) return value.map((v) => canonicalizeBefore(v, false));
  if (Object.is(value, -0)) return 0;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    if (topLevel) {
      const ia = first.indexOf(a);
      const ib = first.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, canonicalizeBefore(v, false)]));
}

describe('YAML output', () => {
  it('PROPERTY: any document means the same under YAML 1.1 (Kubernetes) and YAML 1.2', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (doc) => {
        const text = toYaml([doc]);
        const expected = JSON.parse(JSON.stringify(doc));
        expect(load(text, { schema: YAML11_SCHEMA })).toEqual(expected);
        expect(load(text, { schema: CORE_SCHEMA })).toEqual(expected);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('GIVEN YAML 1.1 booleans and octal-looking strings THEN they are quoted', () => {
    expect(toYaml([{ a: 'yes', b: '0755', c: 'on', d: '12:30', e: 'plain' }])).toBe(
      "a: 'yes'\nb: '0755'\nc: 'on'\nd: '12:30'\ne: plain\n",
    );
  });

  it('GIVEN any key order THEN apiVersion, kind, metadata come first and the rest is sorted at every level', () => {
    const out = canonicalize({
      spec: { z: 1, a: { d: 1, c: 2 } },
      metadata: { name: 'x' },
      kind: 'K',
      apiVersion: 'v1',
      data: [{ b: 1, a: 2 }],
    });
    expect(JSON.stringify(out)).toBe(
      '{"apiVersion":"v1","kind":"K","metadata":{"name":"x"},"data":[{"a":2,"b":1}],"spec":{"a":{"c":2,"d":1},"z":1}}',
    );
  });

  it('PROPERTY: canonicalize gives what the entries-and-comparator version gave, key order included', () => {
    const withOddities = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.constantFrom(undefined, -0, 0),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(key, fc.constantFrom('__proto__', 'constructor', '1', '10', '2')), tie('node'), {
          maxKeys: 6,
        }),
      ),
    })).node;
    fc.assert(
      fc.property(withOddities, fc.boolean(), (doc, topLevel) => {
        const got = canonicalize(doc, topLevel);
        const want = canonicalizeBefore(doc, topLevel);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        expect(got).toEqual(want);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('GIVEN nested "kind" keys THEN only the top level is reordered', () => {
    expect(Object.keys(canonicalize({ spec: { name: 1, kind: 2, apiVersion: 3 } }, true) as object)).toEqual(['spec']);
    expect(Object.keys((canonicalize({ spec: { name: 1, kind: 2, apiVersion: 3 } }) as { spec: object }).spec)).toEqual(
      ['apiVersion', 'kind', 'name'],
    );
  });

  it('GIVEN several documents THEN a file has the header and --- separators, and never folds long lines', () => {
    const long = 'x'.repeat(300);
    const text = renderFile([{ a: long }, { b: 2 }]);
    expect(text).toBe(`${GENERATED_HEADER}\na: ${long}\n---\nb: 2\n`);
  });
});
