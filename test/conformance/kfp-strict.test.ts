import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKfpPipeline, kfpLintFindings } from '../../charts/kfp/index.ts';
import referenceProject from '../../pipelines/index.ts';
import { synthesizeIR } from '../../synth/engine.ts';
import { resolveProject } from '../../dsl/index.ts';
import { sharedDir } from '../shared-dir.ts';
import { KfpStrictChecker } from './kfp/strict-check.ts';

// Tests poke at compiled specs by path; a loose record keeps that readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const corpus = resolve(sharedDir(), 'corpus', 'kfp-ir');
const checker = new KfpStrictChecker(resolve(sharedDir(), 'schemas', 'kfp'));
const corpusFiles = ['sdk', 'kubernetes'].flatMap((d) =>
  readdirSync(resolve(corpus, d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${d}/${f}`),
);
const NEGATIVE = new Set(['sdk/invalid_yaml.yaml', 'sdk/no_name.yaml']);
// Upstream files the lint flags on purpose: the SDK's I/O type fixture declares ports its
// container never receives (it only exercises the type names), which KFP accepts but cannot use.
const LINT_FINDINGS: Readonly<Record<string, readonly string[]>> = {
  'sdk/pipeline_with_various_io_types.yaml': [
    'comp-downstream: input artifact "input_i" has no placeholder in the executor\'s command, args or env',
    'comp-upstream: output artifact "output_9" has no placeholder in the executor\'s command, args or env',
  ],
};

describe('the strict checker itself (upstream corpus)', () => {
  it.each(corpusFiles.filter((f) => !NEGATIVE.has(f)))('accepts %s', (f) => {
    const docs = KfpStrictChecker.readDocuments(readFileSync(resolve(corpus, f), 'utf8'));
    expect(checker.check(docs)).toEqual([]);
    expect(
      kfpLintFindings({ pipelineSpec: docs[0] as never, ...(docs[1] ? { platformSpec: docs[1] as never } : {}) }),
    ).toEqual(LINT_FINDINGS[f] ?? []);
  });

  it.each([...NEGATIVE])('rejects %s', (f) => {
    expect(checker.check(KfpStrictChecker.readDocuments(readFileSync(resolve(corpus, f), 'utf8')))).not.toEqual([]);
  });

  it('rejects an unknown field, a wrong enum name and an unknown key in a Kubernetes executor config', () => {
    const [spec, platform] = KfpStrictChecker.readDocuments(
      readFileSync(resolve(corpus, 'sdk/nvidia_gpu_scheduling_check.yaml'), 'utf8'),
    ) as [Loose, Loose];
    expect(checker.check([{ ...spec, extra: 1 }])).toEqual([expect.stringContaining('"extra" is unknown')]);
    const badEnum = structuredClone(spec);
    badEnum.root.dag.tasks['verify-gpu-scheduled'].triggerPolicy = { strategy: 'ALL_DONE' };
    expect(checker.check([badEnum]).join()).toContain('ALL_DONE');
    const badK8s = structuredClone(platform);
    badK8s.platforms.kubernetes.deploymentSpec.executors['exec-verify-gpu-scheduled'].nodeSelectors = {};
    expect(checker.check([spec, badK8s]).join()).toContain('nodeSelectors');
  });
});

describe('every KFP IR Argosy synthesizes for the reference project is strict-valid', () => {
  // Which pipelines land on KFP, and the CLI run of the same, are checked in kfp-cli.test.ts.
  const files = synthesizeIR(resolveProject(referenceProject), {
    pipelineBackend: 'kfp',
    toolVersion: '0.0.0-test',
  }).filter((f) => f.path.includes('/pipelinespec.'));

  it('emits pipelinespec files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s', (_path, f) => {
    // Parse the written text, not the in-memory objects: what KFP receives is the YAML.
    const docs = KfpStrictChecker.readDocuments(f.content);
    expect(f.content.split('\n---\n').length).toBe(docs.length);
    expect(checker.check(docs)).toEqual([]);
  });

  it('lint catches dangling component, executor and task references', () => {
    const p = resolveProject(referenceProject).environments[0]!.apps[0]!.pipelines[0]!;
    const { pipelineSpec } = compileKfpPipeline(p, { toolVersion: '0' }) as { pipelineSpec: Loose };
    const broken = structuredClone(pipelineSpec);
    const [first] = Object.keys(broken.root.dag.tasks);
    broken.root.dag.tasks[first!].componentRef.name = 'comp-missing';
    broken.root.dag.tasks[first!].dependentTasks = ['no-such-task'];
    const label = Object.keys(broken.deploymentSpec.executors)[0]!;
    delete broken.deploymentSpec.executors[label];
    const findings = kfpLintFindings({ pipelineSpec: broken }).join('\n');
    expect(findings).toContain('componentRef "comp-missing" is not a component');
    expect(findings).toContain('"no-such-task", which is not a sibling task');
    expect(findings).toContain(`executorLabel "${label}" has no executor`);
  });

  it('lint catches an executor that drops a port placeholder or names an undeclared port', () => {
    const p = resolveProject(referenceProject).environments[0]!.apps[0]!.pipelines[0]!;
    const { pipelineSpec } = compileKfpPipeline(p, { toolVersion: '0' }) as { pipelineSpec: Loose };
    const broken = structuredClone(pipelineSpec);
    const [name, comp] = Object.entries<Loose>(broken.components).find(
      ([, c]) => c.executorLabel && Object.keys(c.inputDefinitions?.parameters ?? {}).length > 0,
    )!;
    const [port] = Object.keys(comp.inputDefinitions.parameters);
    const container = broken.deploymentSpec.executors[comp.executorLabel].container;
    const strip = (lines: string[] | undefined) =>
      lines?.map((l) => l.split(`{{$.inputs.parameters['${port}']}}`).join(''));
    container.command = strip(container.command);
    container.args = [...(strip(container.args) ?? []), "{{$.inputs.parameters['no-such-port']}}"];
    const findings = kfpLintFindings({ pipelineSpec: broken });
    expect(findings).toContain(
      `${name}: input parameter "${port}" has no placeholder in the executor's command, args or env`,
    );
    expect(findings).toContain(
      `${name}: executor placeholder {{$.inputs.parameters['no-such-port']}} names a port the component does not declare`,
    );
  });
});
