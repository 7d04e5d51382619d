import { describe, expect, it } from 'vitest';
import { metadataFindings } from './metadata-rules.ts';

const obj = (metadata: unknown): unknown => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata });
const rules = (o: unknown): string[] => metadataFindings(o).map((f) => `${f.rule} ${f.path}`);

describe('metadata rules', () => {
  it('GIVEN an object with a name or generateName WHEN checked THEN it passes, and without either it fails', () => {
    expect(rules(obj({ name: 'a' }))).toEqual([]);
    expect(rules(obj({ generateName: 'a-' }))).toEqual([]);
    expect(rules(obj({}))).toEqual(['metadata/name metadata.name']);
  });

  it('GIVEN generateName nested under labels (a real upstream defect) WHEN checked THEN the indentation is pointed out', () => {
    const found = metadataFindings(obj({ labels: { generateName: 'fun-' } }));
    expect(found.map((f) => f.rule)).toEqual(['metadata/name', 'metadata/labels']);
    expect(found[0]?.message).toContain('a name key sits under metadata.labels');
  });

  it('GIVEN names WHEN checked THEN DNS subdomains pass and others fail', () => {
    expect(rules(obj({ name: 'ctr-training.v2' }))).toEqual([]);
    expect(rules(obj({ name: 'CTR_training' }))).toEqual(['metadata/name metadata.name']);
  });

  it('GIVEN labels and annotations WHEN checked THEN keys, values and types are checked', () => {
    expect(
      rules(
        obj({ name: 'a', labels: { 'app.kubernetes.io/name': 'x', tier: '' }, annotations: { 'a/b': 'any text: ok' } }),
      ),
    ).toEqual([]);
    expect(rules(obj({ name: 'a', labels: { 'Bad Key': 'x' } }))).toEqual([
      'metadata/labels metadata.labels["Bad Key"]',
    ]);
    expect(rules(obj({ name: 'a', labels: { tier: 'ends-' } }))).toEqual(['metadata/labels metadata.labels["tier"]']);
    expect(rules(obj({ name: 'a', annotations: { n: 3 } }))).toEqual([
      'metadata/annotations metadata.annotations["n"]',
    ]);
  });

  it('GIVEN something that is not a mapping WHEN checked THEN it fails without crashing', () => {
    expect(rules(['a'])).toEqual(['metadata/object ']);
    expect(rules({ metadata: { name: 'a' } })).toEqual(['metadata/api-version apiVersion', 'metadata/kind kind']);
  });
});
