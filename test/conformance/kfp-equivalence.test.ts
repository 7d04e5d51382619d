import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowTemplate } from '../../charts/argo-workflows/index.ts';
import { compileKfpPipeline, kfpLintFindings } from '../../charts/kfp/index.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { loadEquivalenceCases } from './kfp/cases.ts';
import { normalizeKfp } from './kfp/normalize.ts';
import { KfpStrictChecker } from './kfp/strict-check.ts';

const cases = await loadEquivalenceCases();
const corpus = resolve(sharedDir(), 'corpus', 'kfp-ir');
const checker = new KfpStrictChecker(resolve(sharedDir(), 'schemas', 'kfp'));

describe('Argosy programs compile to the same KFP IR as the KFP SDK (after normalization)', () => {
  it('covers at least 15 upstream pipelines', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const upstream = KfpStrictChecker.readDocuments(readFileSync(resolve(corpus, c.upstream), 'utf8'));
    const ours = compileKfpPipeline(c.pipeline.ir, { toolVersion: '0.0.0-test' });
    const documents = ours.platformSpec ? [ours.pipelineSpec, ours.platformSpec] : [ours.pipelineSpec];
    expect(checker.check(documents)).toEqual([]);
    expect(kfpLintFindings(ours)).toEqual([]);
    expect(normalizeKfp(documents)).toEqual(normalizeKfp(upstream));
  });
});

// One schema registry for both checks: compiling the WorkflowTemplate schema costs seconds.
describe('the same programs, and the golden Argo YAML of test/golden/argo, are strict-valid WorkflowTemplates', () => {
  const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(registry.validate(workflowTemplate(c.pipeline.ir, 'ml'))).toEqual([]);
  });

  const goldenDir = resolve(ROOT, 'test', 'golden', 'argo');
  const golden = readdirSync(goldenDir).filter((f) => f.endsWith('.yaml')).sort();
  it.each(golden)('golden %s', (file) => {
    const { documents } = loadKubernetesYaml(readFileSync(resolve(goldenDir, file), 'utf8'));
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) expect(registry.validate(doc as { apiVersion: string; kind: string })).toEqual([]);
  });
});
