import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { COMMITTED } from './outputs.ts';
import { runPeer } from './python-peers.ts';

const python = inject('peersPython');
const inputs = inject('peerInputs');

describe('Hera reads every Argo object Argosy writes and re-serializes it unchanged', () => {
  it('reference tree, Argo goldens, deployment goldens and the Argo example programs', () => {
    const r = runPeer(python, 'hera_roundtrip.py', [
      COMMITTED.dist,
      join(COMMITTED.goldens, 'argo'),
      join(COMMITTED.goldens, 'deployments'),
      inputs.argoExamples,
    ]);
    console.log(r.lines.join('\n'));
    expect(r.lines.slice(0, -2)).toEqual([]);
    expect(r.lines.at(-2)).toMatch(
      /^hera: (\d+) Argo objects read and re-serialized identically \(.*\) from \d+ files, 0 failed$/,
    );
    expect(Number(/hera: (\d+)/.exec(r.lines.at(-2) ?? '')?.[1])).toBeGreaterThanOrEqual(300);
    // The normalizations are documented in hera_roundtrip.py and docs/testing.md; a new one must be added there.
    expect(r.lines.at(-1)).toMatch(
      /^hera: normalized before comparing \(see the docstring\): executorPlugins x1, plugin x1, podResources x\d+, resourceClaims x\d+, spec\.workflowMetadata x\d+$/,
    );
    expect(r.status).toBe(0);
  });

  it('GIVEN a WorkflowTemplate with a misspelt field THEN the round trip drops it and the check fails (negative control)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-hera-'));
    writeFileSync(
      join(dir, 'wt.yaml'),
      `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: typo}
spec:
  entrypoint: main
  serviceAcountName: runner
  templates: [{name: main, container: {image: alpine:3.20}}]
`,
    );
    const r = runPeer(python, 'hera_roundtrip.py', [dir]);
    expect(r.status).toBe(1);
    expect(r.lines.join('\n')).toContain('$.spec.serviceAcountName: dropped by Hera');
  });

  it('the golden copy of the reference tree (test/golden/dsrpmart) equals dist/, so checking dist/ covers it', async () => {
    const { readSources } = await import('../../synth/validate/documents.ts');
    const a = readSources([COMMITTED.dist], '/', () => '').documents.map((d) => d.object);
    const b = readSources([join(COMMITTED.goldens, 'dsrpmart')], '/', () => '').documents.map((d) => d.object);
    expect(b).toEqual(a);
  });
});
