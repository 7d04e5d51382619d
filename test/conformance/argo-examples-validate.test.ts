import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../synth/validate/documents.ts';
import { validateSources } from '../../synth/validate/validate.ts';
import { sharedDir } from '../shared-dir.ts';

/**
 * Upstream examples that are genuinely defective, with the defect. Everything else must pass
 * the semantic layers (Kubernetes metadata and Argo's rules).
 */
const DEFECTIVE: Record<string, { defect: string; rules: string[] }> = {
  'fun-with-gifs.yaml': {
    defect:
      '`generateName` is indented under metadata.labels, so the Workflow has no name (and the label value ends with "-")',
    rules: ['metadata/name', 'metadata/labels'],
  },
  'k8s-jobs.yaml': {
    defect: '`generateName` was swallowed into the multi-line no-test-reasons annotation, so the Workflow has no name',
    rules: ['metadata/name'],
  },
};

describe('Argo upstream examples pass the semantic layers (../shared/corpus/argo-examples)', () => {
  const root = resolve(sharedDir(), 'corpus', 'argo-examples');
  const sources = readSources(['.'], root, () => '');
  const reports = validateSources(sources, { skip: ['schema', 'policy', 'size'] });
  const rejected = reports.filter((r) => r.findings.some((f) => f.severity === 'error'));
  console.log(
    `argo-examples: ${sources.files} files, ${sources.documents.length} documents, ${rejected.length} rejected`,
  );
  for (const r of rejected)
    console.log(
      `  rejected ${r.file} ${r.kind} ${r.name}: ${r.findings.map((f) => `${f.rule}: ${f.message}`).join('; ')}${DEFECTIVE[r.file] ? ` (known defect: ${DEFECTIVE[r.file]?.defect})` : ''}`,
    );

  it('reads every example file', () => {
    expect(sources.files).toBeGreaterThanOrEqual(217);
    expect(sources.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('rejects exactly the genuinely defective examples, for their defect', () => {
    const got = Object.fromEntries(
      rejected.map((r) => [r.file, [...new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule))]]),
    );
    expect(got).toEqual(Object.fromEntries(Object.entries(DEFECTIVE).map(([f, d]) => [f, d.rules])));
  });
});
