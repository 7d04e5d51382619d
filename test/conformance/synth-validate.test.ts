import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSynth } from '../../synth/commands/synth.ts';
import { runValidate } from '../../synth/commands/validate.ts';
import { captureIO as capture } from '../capture-io.ts';
import { sharedDir } from '../shared-dir.ts';

const schemaLocation = resolve(sharedDir(), 'schemas');
const report = (lines: readonly string[]): string[] => lines.filter((l) => !l.startsWith('✓ wrote'));

// With the upstream schemas and KFP protos, every layer runs: schema, Argo, KFP protos, policy, size.
describe('argosy synth --validate finds what argosy validate finds in the written tree', () => {
  const cases = [
    { name: 'the reference project, Argo target', app: 'pipelines/index.ts', target: 'argo', code: 0 },
    { name: 'the reference project, KFP target', app: 'pipelines/index.ts', target: 'kfp', code: 0 },
    { name: 'a project with findings', app: 'test/fixtures/projects/findings.ts', target: 'argo', code: 1 },
  ] as const;
  for (const c of cases) {
    it(`GIVEN ${c.name} WHEN synthesized with --validate and validated after writing THEN the findings are the same`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'argosy-synth-validate-')), 'dist');
      const synth = capture();
      expect(await runSynth({ app: c.app, out, target: c.target, validate: true, schemaLocation }, synth)).toBe(c.code);
      if (c.code !== 0) expect(await runSynth({ app: c.app, out, target: c.target }, capture())).toBe(0);
      const validate = capture();
      expect(await runValidate([out], { schemaLocation }, validate)).toBe(c.code);
      expect(report(synth.lines)).toEqual(validate.lines);
    });
  }
});
