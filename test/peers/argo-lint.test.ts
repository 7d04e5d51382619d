import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../shared-dir.ts';
import { argoLint, type LintReport } from './argo-lint.ts';
import { COMMITTED } from './outputs.ts';

const bin = inject('argoLint');
const inputs = inject('peerInputs');

const findings = (r: LintReport): string[] =>
  r.findings.map((f) => `${relative(ROOT, f.file)}: ${f.kind} ${f.name}: ${f.message}`);

/**
 * Groups linted together: templateRefs resolve within a group only, as `argo lint --offline`
 * resolves them within the files it is given. Each deployment golden and each Argo example is
 * a project of its own (they reuse names); the reference tree's environments are namespaces.
 */
const goldens = join(COMMITTED.goldens, 'deployments');
const WORKFLOW_KINDS = /^kind: (Workflow|WorkflowTemplate|ClusterWorkflowTemplate|CronWorkflow)$/m;
const GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['dist (both environments)', [COMMITTED.dist]],
  ['test/golden/argo', [join(COMMITTED.goldens, 'argo')]],
  ...readdirSync(goldens)
    .sort()
    .filter((f) => WORKFLOW_KINDS.test(readFileSync(join(goldens, f), 'utf8')))
    .map((f) => [`test/golden/deployments/${f}`, [join(goldens, f)]] as const),
];

/**
 * Argo example programs that use fields newer than the pinned validator: the examples corpus is
 * Argo's main branch (4.1), the Go module proxy serves argo-workflows v4.0.5 only. Its strict
 * parse rejects just these fields; the same files then pass a non-strict lint (every other rule).
 */
const NEWER_THAN_VALIDATOR: Readonly<Record<string, string>> = {
  'pod-resources': 'strict decoding error: unknown field "spec.podResources"',
  'pod-resources-template-override':
    'strict decoding error: unknown field "spec.podResources", unknown field "spec.templates[2].podResources"',
  'resource-claims': 'strict decoding error: unknown field "spec.resourceClaims"',
  'resource-claims-template-override':
    'strict decoding error: unknown field "spec.resourceClaims", unknown field "spec.templates[2].resourceClaims"',
  'workflow-level-executor-plugin': 'strict decoding error: unknown field "spec.executorPlugins"',
};

describe("Argo's own validator (argo-workflows workflow/validate, offline lint) accepts everything Argosy writes", () => {
  const totals = { linted: 0 };

  it.each(GROUPS)('%s: zero findings', (_name, paths) => {
    const r = argoLint(bin, paths);
    totals.linted += r.linted;
    expect(findings(r)).toEqual([]);
    expect(r.linted).toBeGreaterThan(0);
  });

  it('the Argo example programs (test/argo-examples, synthesized): zero findings but fields newer than the validator', () => {
    const programs = readdirSync(inputs.argoExamples).sort();
    expect(programs.length).toBeGreaterThan(200);
    const r = argoLint(bin, [inputs.argoExamples]);
    totals.linted += r.linted;
    const program = (file: string): string => relative(inputs.argoExamples, file).split(/[\\/]/)[0] as string;
    expect(Object.fromEntries(r.findings.map((f) => [program(f.file), f.message]))).toEqual(NEWER_THAN_VALIDATOR);
    const lenient = argoLint(
      bin,
      Object.keys(NEWER_THAN_VALIDATOR).map((p) => join(inputs.argoExamples, p)),
      { strict: false },
    );
    expect(lenient.linted).toBe(Object.keys(NEWER_THAN_VALIDATOR).length);
    expect(findings(lenient)).toEqual([]);
    console.log(
      `argo-lint: ${totals.linted} Workflows, WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows linted: 0 findings (${Object.keys(NEWER_THAN_VALIDATOR).length} examples use Argo 4.1 fields v4.0.5 does not know; they pass a non-strict lint)`,
    );
  });

  it('GIVEN a Workflow whose entrypoint and templateRef name nothing THEN argo-lint reports both (negative control)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-argo-lint-'));
    writeFileSync(
      join(dir, 'broken.yaml'),
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: broken-}
spec:
  entrypoint: missing
  templates: [{name: main, container: {image: alpine:3.20}}]
---
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: caller}
spec:
  templates:
  - name: main
    steps: [[{name: a, templateRef: {name: nowhere, template: main}}]]
`,
    );
    const r = argoLint(bin, [dir]);
    expect(r.linted).toBe(2);
    expect(r.findings.map((f) => `${f.kind} ${f.name}: ${f.message}`)).toEqual([
      expect.stringMatching(/^Workflow broken-: template name 'missing' undefined$/),
      expect.stringMatching(/^WorkflowTemplate caller: .*couldn't find workflow template "nowhere"/),
    ]);
  });
});
