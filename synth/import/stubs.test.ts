import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { steps, template, workflow } from '../../dsl/argo/index.ts';
import { captureIO } from '../../test/capture-io.ts';
import { dataLibrary } from '../../test/fixtures/stubs/library.ts';
import { runStubs } from './import-command.ts';
import { specHash, stubsModule } from './stubs.ts';

const FIXTURE = 'test/fixtures/stubs/library.yaml';

describe('argosy stubs', () => {
  it('GIVEN the fixture templates WHEN stubbed again THEN the output is byte-identical to the committed stub (deterministic)', async () => {
    const io = captureIO();
    // From the fixture's directory, as the stub records its YAML relative to where it is.
    expect(await runStubs(['library.yaml'], { dsl: '../../../dsl/argo/index.ts' }, io, resolve(dirname(FIXTURE)))).toBe(
      0,
    );
    expect(`${io.lines.join('\n')}\n`).toBe(readFileSync('test/fixtures/stubs/library.ts', 'utf8'));
  });

  it('GIVEN a stubbed template WHEN a workflow calls it THEN it synthesizes a templateRef with the arguments', () => {
    const main = template('main', {
      steps: steps((s) => {
        s.step('train', dataLibrary.templates.train, {
          arguments: { parameters: { dataset: 'iris' }, artifacts: { config: { raw: { data: 'x' } } } },
        });
      }),
    });
    const wf = workflow({ metadata: { generateName: 'use-' }, spec: { entrypoint: main } });
    expect(JSON.stringify(wf.ir.spec)).toContain('"templateRef":{"name":"data-library","template":"train"}');
  });

  it('GIVEN the same spec with keys in another order WHEN hashed THEN the hash is the same; a changed value changes it', () => {
    expect(specHash({ a: 1, b: [{ x: 1, y: 2 }] })).toBe(specHash({ b: [{ y: 2, x: 1 }], a: 1 }));
    expect(specHash({ a: 1 })).not.toBe(specHash({ a: 2 }));
  });

  it('GIVEN a Workflow, a nameless template and a duplicate WHEN stubbed THEN each gets a finding and the rest are stubbed', () => {
    const wt = (name?: string) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: name ? { name } : {},
      spec: { templates: [{ name: 'a', container: { image: 'x' } }] },
    });
    const r = stubsModule(
      [
        { object: { kind: 'Workflow', metadata: { name: 'w' } }, where: 'f#0' },
        { object: wt(), where: 'f#1' },
        { object: wt('lib'), where: 'f#2' },
        { object: wt('lib'), where: 'f#3' },
      ],
      '../dsl/argo/index.ts',
    );
    expect(r.count).toBe(1);
    expect(r.findings.map((f) => f.message).sort()).toEqual([
      expect.stringMatching(/^\/: stubs are made of WorkflowTemplates and ClusterWorkflowTemplates \(got "Workflow"\)/),
      expect.stringMatching(/^\/metadata: a second WorkflowTemplate\/lib/),
      expect.stringMatching(/^\/metadata: the template has no name/),
    ]);
  });
});
