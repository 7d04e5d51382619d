import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowTemplate } from '../../charts/argo-workflows/index.ts';
import { compileKfpPipeline, kfpLintFindings } from '../../charts/kfp/index.ts';
import { renderFile } from '../../synth/serialize.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { loadEquivalenceCases } from './kfp/cases.ts';
import { normalizeKfp } from './kfp/normalize.ts';
import { KfpStrictChecker } from './kfp/strict-check.ts';

// Tests poke at compiled specs by path; a loose record keeps that readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const cases = await loadEquivalenceCases();
const corpus = resolve(sharedDir(), 'corpus', 'kfp-ir');
const checker = new KfpStrictChecker(resolve(sharedDir(), 'schemas', 'kfp'));

/** Whether an upstream file writes the deprecated numeric resource fields (then they are compared). */
const writesDeprecatedResources = (text: string): boolean =>
  /^\s+(cpuLimit|cpuRequest|memoryLimit|memoryRequest|count): /m.test(text);

describe('Argosy programs compile to the same KFP IR as the KFP SDK (after normalization)', () => {
  it('covers at least 15 upstream pipelines, as many as README.md and docs/kfp.md say', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(readFileSync(resolve(ROOT, 'README.md'), 'utf8')).toContain(
      `equivalence tests against ${cases.length} pipelines`,
    );
    expect(readFileSync(resolve(ROOT, 'docs', 'kfp.md'), 'utf8')).toContain(`(${cases.length} SDK pipelines:`);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = readFileSync(resolve(corpus, c.upstream), 'utf8');
    const upstream = KfpStrictChecker.readDocuments(text);
    const ours = compileKfpPipeline(c.pipeline.ir, { toolVersion: '0.0.0-test' });
    const documents = ours.platformSpec ? [ours.pipelineSpec, ours.platformSpec] : [ours.pipelineSpec];
    expect(checker.check(documents)).toEqual([]);
    expect(kfpLintFindings(ours)).toEqual([]);
    // What KFP receives is the YAML text: it must parse back to the same, still strict-valid, documents.
    const written = KfpStrictChecker.readDocuments(renderFile(documents));
    expect(written).toEqual(documents);
    expect(checker.check(written)).toEqual([]);
    const opts = { keepDeprecatedResources: writesDeprecatedResources(text) };
    expect(normalizeKfp(written, opts)).toEqual(normalizeKfp(upstream, opts));
  });

  it('GIVEN a script executor that loses its INPUT_/OUTPUT_ placeholders THEN the equivalence no longer holds', () => {
    const c = cases.find((x) => x.name === 'pipeline-with-loops') as (typeof cases)[number];
    const upstream = KfpStrictChecker.readDocuments(readFileSync(resolve(corpus, c.upstream), 'utf8'));
    const { pipelineSpec } = compileKfpPipeline(c.pipeline.ir, { toolVersion: '0.0.0-test' }) as {
      pipelineSpec: Loose;
    };
    expect(normalizeKfp([pipelineSpec])).toEqual(normalizeKfp(upstream));
    for (const e of Object.values<Loose>(pipelineSpec.deploymentSpec.executors))
      e.container.args = e.container.args.filter((a: string) => !a.includes('{{$'));
    expect(normalizeKfp([pipelineSpec])).not.toEqual(normalizeKfp(upstream));
  });

  it('GIVEN deprecated resource fields that differ THEN a case whose upstream writes them fails', () => {
    const c = cases.find(
      (x) =>
        writesDeprecatedResources(readFileSync(resolve(corpus, x.upstream), 'utf8')) &&
        JSON.stringify(x.pipeline.ir).includes('"limits"'),
    );
    expect(c, 'an equivalence case compares the deprecated resource fields').toBeDefined();
    const upstream = KfpStrictChecker.readDocuments(
      readFileSync(resolve(corpus, (c as (typeof cases)[number]).upstream), 'utf8'),
    );
    const { pipelineSpec } = compileKfpPipeline((c as (typeof cases)[number]).pipeline.ir, {
      toolVersion: '0.0.0-test',
    }) as { pipelineSpec: Loose };
    for (const e of Object.values<Loose>(pipelineSpec.deploymentSpec.executors))
      if (e.container.resources) e.container.resources.cpuLimit = 99;
    expect(normalizeKfp([pipelineSpec], { keepDeprecatedResources: true })).not.toEqual(
      normalizeKfp(upstream, { keepDeprecatedResources: true }),
    );
    expect(normalizeKfp([pipelineSpec])).toEqual(normalizeKfp(upstream));
  });
});

// One schema registry for both checks: compiling the WorkflowTemplate schema costs seconds.
describe('the same programs, and the golden Argo YAML of test/golden/argo, are strict-valid WorkflowTemplates', () => {
  const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));
  // Artifact lists and p.oneOf() artifacts passed to tasks are Kubeflow Pipelines only: Argo refuses them by name.
  const KFP_ONLY: Readonly<Record<string, string>> = {
    'artifacts-simple':
      'pipeline "math-pipeline" > loop "for-loop-2" > output "out": Argo Workflows cannot collect artifacts across loop iterations',
    'pipeline-with-parallelfor-list-artifacts':
      'pipeline "pipeline-parallelfor-artifacts" > loop "for-loop-1" > items: Argo Workflows cannot loop over a list of artifacts',
    // Argo's validator rejects fromExpression in task arguments (docs/testing.md, argo-lint).
    'if-else-with-oneof-artifacts':
      'pipeline "flip-coin-pipeline" > task "print-artifact": Argo cannot hand a p.oneOf() artifact to a task',
  };
  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    if (KFP_ONLY[name]) expect(() => workflowTemplate(c.pipeline.ir, 'ml')).toThrow(KFP_ONLY[name]);
    else expect(registry.validate(workflowTemplate(c.pipeline.ir, 'ml'))).toEqual([]);
  });

  const goldenDir = resolve(ROOT, 'test', 'golden', 'argo');
  const golden = readdirSync(goldenDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  it.each(golden)('golden %s', (file) => {
    const { documents } = loadKubernetesYaml(readFileSync(resolve(goldenDir, file), 'utf8'));
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) expect(registry.validate(doc as { apiVersion: string; kind: string })).toEqual([]);
  });
});
