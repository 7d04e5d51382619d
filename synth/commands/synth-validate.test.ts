import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { runSynth } from './synth.ts';
import { runValidate } from './validate.ts';

const FINDINGS = 'test/fixtures/projects/findings.ts';
const tmpOut = (): string => join(mkdtempSync(join(tmpdir(), 'argosy-synth-validate-')), 'dist');
/** The finding lines of a text report (file, object and finding lines, and the summary). */
const report = (lines: readonly string[]): string[] => lines.filter((l) => !l.startsWith('✓ wrote'));

describe('argosy synth --validate', () => {
  // Keep a developer's `argosy schemas pull` cache out of these runs: built-in kinds only.
  const saved = process.env.ARGOSY_SCHEMA_CACHE;
  beforeEach(() => void (process.env.ARGOSY_SCHEMA_CACHE = join(tmpdir(), 'argosy-no-such-cache')));
  afterEach(() =>
    saved === undefined ? delete process.env.ARGOSY_SCHEMA_CACHE : (process.env.ARGOSY_SCHEMA_CACHE = saved),
  );

  it('GIVEN objects with errors WHEN synthesized with --validate THEN the findings are those of `argosy validate` on the written tree, and nothing is written', async () => {
    const out = tmpOut();
    const io = capture();
    expect(await runSynth({ app: FINDINGS, out, validate: true }, io)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(io.errs.at(-1)).toMatch(/^✗ nothing written: \d+ errors found by --validate\./);
    expect(await runSynth({ app: FINDINGS, out }, capture())).toBe(0);
    const validate = capture();
    expect(await runValidate([out], {}, validate)).toBe(1);
    expect(report(io.lines)).toEqual(validate.lines);
    expect(validate.lines.at(-1)).toMatch(/^✗ 205 objects checked: [1-9]\d* errors/);
  });

  for (const target of ['argo', 'kfp'] as const) {
    it(`GIVEN the reference project (${target} target) WHEN synthesized with --validate THEN it is written, with the findings \`argosy validate\` has for the tree`, async () => {
      const out = tmpOut();
      const io = capture();
      expect(await runSynth({ out, target, validate: true }, io)).toBe(0);
      expect(io.lines.at(-1)).toMatch(/^✓ wrote /);
      const validate = capture();
      expect(await runValidate([out], {}, validate)).toBe(0);
      expect(report(io.lines)).toEqual(validate.lines);
    });
  }

  it('GIVEN errors WHEN checked with --check --validate THEN validation fails first, touching nothing', async () => {
    const out = tmpOut();
    const io = capture();
    expect(await runSynth({ app: FINDINGS, out, check: true, validate: true }, io)).toBe(1);
    expect(io.lines.some((l) => l.startsWith('stale') || l.startsWith('missing'))).toBe(false);
  });

  it('GIVEN a schema directory that does not exist WHEN synthesized with --validate THEN it is a usage error', async () => {
    const io = capture();
    expect(await runSynth({ app: FINDINGS, out: tmpOut(), validate: true, schemaLocation: '/no/such/dir' }, io)).toBe(
      2,
    );
    expect(io.errs.join('\n')).toContain('--schema-location /no/such/dir: directory not found');
  });
});
