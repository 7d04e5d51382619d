import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKubernetesYaml } from './load.ts';

describe('loadKubernetesYaml', () => {
  it('GIVEN YAML 1.1 scalars WHEN loaded THEN reads them as Kubernetes does', () => {
    const { documents } = loadKubernetesYaml('mode: 0755\nenabled: yes\nname: "0755"\n');
    expect(documents).toEqual([{ mode: 493, enabled: true, name: '0755' }]);
  });

  it('GIVEN several documents WHEN loaded THEN returns each and drops empty ones', () => {
    expect(loadKubernetesYaml('a: 1\n---\n---\nb: 2\n').documents).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('GIVEN an under-indented multi-line quoted scalar WHEN strict THEN it fails, WHEN lenient THEN the value matches a well-indented parse', () => {
    const bad = "spec:\n  args: ['\n  echo one;\n  echo two\n  ']\n";
    const good = "spec:\n  args: ['\n    echo one;\n    echo two\n    ']\n";
    expect(() => loadKubernetesYaml(bad)).toThrow(/deficient indentation/);
    const lenient = loadKubernetesYaml(bad, { lenient: true });
    expect(lenient.documents).toEqual(loadKubernetesYaml(good).documents);
    expect(lenient.leniencies).toEqual(['multi-line quoted scalar indented less than YAML 1.2 requires']);
  });

  it('GIVEN a duplicate key WHEN lenient THEN the last value wins and the leniency is reported', () => {
    expect(() => loadKubernetesYaml('a: 1\na: 2\n')).toThrow(/duplicated mapping key/);
    const r = loadKubernetesYaml('a: 1\na: 2\n', { lenient: true });
    expect(r.documents).toEqual([{ a: 2 }]);
    expect(r.leniencies).toEqual(['duplicate mapping key (last value wins, as in Go)']);
  });
});

describe('loadKubernetesYaml lenient indentation repair (property)', () => {
  // Words that cannot end a quoted scalar or start a YAML document marker at column 0.
  const word = fc.stringMatching(/^[a-z0-9][a-z0-9;:,.()=/_-]{0,7}$/);
  const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
  const scalar = fc.record({
    style: fc.constantFrom<'single' | 'double'>('single', 'double'),
    lines: fc
      .array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.constant('') }), {
        minLength: 2,
        maxLength: 5,
      })
      .filter((ls) => ls[0] !== '' && ls[ls.length - 1] !== ''),
    apostrophe: fc.boolean(),
  });
  const entry = fc.record({
    depth: fc.integer({ min: 0, max: 3 }),
    form: fc.constantFrom<'value' | 'item' | 'flow'>('value', 'item', 'flow'),
    scalar,
    // Where each continuation line starts when under-indented, as a fraction of the allowed range.
    shifts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
  });
  const documents = fc.array(fc.array(entry, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 });

  type Entry = typeof entry extends fc.Arbitrary<infer E> ? E : never;

  /** One entry as YAML; continuation lines indented `indent(i, parent)` columns. */
  function render(e: Entry, n: number, indent: (i: number, parent: number) => number): string {
    const keys = Array.from({ length: e.depth }, (_, d) => `${' '.repeat(2 * d)}k${n}d${d}:`);
    const parent = 2 * e.depth;
    const q = e.scalar.style === 'single' ? "'" : '"';
    const body = e.scalar.lines.map((l, i) =>
      i === 0 && e.scalar.apostrophe && e.scalar.style === 'single' ? `${l} it''s` : l,
    );
    const text = body.map((l, i) => (i === 0 || l === '' ? l : `${' '.repeat(indent(i, parent))}${l}`)).join('\n');
    const pad = ' '.repeat(parent);
    const leaf =
      e.form === 'value'
        ? `${pad}v${n}: ${q}${text}${q}`
        : e.form === 'item'
          ? `${pad}v${n}:\n${pad}- ${q}${text}${q}`
          : `${pad}v${n}: [${q}${text}${q}]`;
    return [...keys, leaf].join('\n');
  }

  it('GIVEN documents with multi-line quoted strings WHEN their continuation lines are under-indented THEN the lenient read equals the well-indented strict read', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const file = (indent: (e: Entry) => (i: number, parent: number) => number) =>
          docs.map((d) => `${d.map((e, n) => render(e, n, indent(e))).join('\n')}\n`).join('---\n');
        const good = file(() => (_i, parent) => parent + 4);
        const bad = file((e) => (i, parent) => Math.floor((e.shifts[i % e.shifts.length] as number) * (parent + 1)));
        const strict = loadKubernetesYaml(good).documents;
        const lenient = loadKubernetesYaml(bad, { lenient: true });
        expect(lenient.documents).toEqual(strict);
        expect(
          lenient.leniencies.every((l) => l === 'multi-line quoted scalar indented less than YAML 1.2 requires'),
        ).toBe(true);
      }),
      // The seed comes from test/fast-check-seed.ts (FC_SEED=<n> replays, FC_SEED=random explores).
      { numRuns: 300 },
    );
  });
});
