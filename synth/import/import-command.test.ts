import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ArgoObject } from '../../dsl/argo/index.ts';
import { captureIO } from '../../test/capture-io.ts';
import { main } from '../cli.ts';
import { parseDepends, dependsCode } from './depends.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Under node_modules (gitignored) so generated modules resolve the project's dsl as ES modules.
const scratch = (): string => {
  const base = join(ROOT, 'node_modules', '.cache');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, 'argosy-import-test-'));
};
const yaml = (...docs: unknown[]): string => docs.map((d) => dump(d)).join('---\n');
const wf = (name: string, spec: Record<string, unknown>, kind = 'Workflow') => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata: kind === 'Workflow' ? { generateName: `${name}-` } : { name },
  spec,
});

const hello = wf('hello', {
  entrypoint: 'main',
  arguments: { parameters: [{ name: 'message', value: 'hi' }] },
  templates: [
    {
      name: 'main',
      steps: [
        [{ name: 'gen', template: 'gen' }],
        [
          {
            name: 'print',
            template: 'print',
            arguments: { parameters: [{ name: 'message', value: '{{steps.gen.outputs.result}}' }] },
            when: '{{steps.gen.outputs.result}} != ""',
          },
        ],
      ],
    },
    { name: 'gen', script: { image: 'python:3.12', command: ['python'], source: 'print("hello")\n' } },
    {
      name: 'print',
      inputs: { parameters: [{ name: 'message' }] },
      container: { image: 'busybox', command: ['echo', 'said: {{inputs.parameters.message}}'] },
    },
  ],
});

const diamond = wf(
  'diamond',
  {
    templates: [
      {
        name: 'main',
        dag: {
          tasks: [
            { name: 'A', template: 'echo' },
            { name: 'B', template: 'echo', depends: 'A' },
            { name: 'C', template: 'echo', depends: 'A.Failed' },
            { name: 'D', template: 'echo', depends: 'B && (C.Succeeded || !A)' },
          ],
        },
      },
      { name: 'echo', container: { image: 'busybox' } },
    ],
  },
  'WorkflowTemplate',
);

async function synthesizedSpec(file: string): Promise<unknown> {
  const mod = (await import(pathToFileURL(file).href)) as { default: ArgoObject };
  expect(mod.default).toBeInstanceOf(ArgoObject);
  return mod.default.ir.spec;
}

describe('argosy import', () => {
  it('GIVEN a Workflow WHEN imported THEN the module names templates as constants, reads inputs and step outputs through handles, and rebuilds the same spec', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'in.yaml'), yaml(hello, diamond));
    const io = captureIO();
    expect(await main(['import', join(dir, 'in.yaml'), '--out', join(dir, 'out')], io)).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['diamond.ts', 'hello.ts']);
    const src = readFileSync(join(dir, 'out', 'hello.ts'), 'utf8');
    expect(src).toMatch(/^import \{ steps, template, workflow \} from '\.\.\/\.\.\/\.\.\/\.\.\/dsl\/argo\/index\.ts';/);
    expect(src).toContain("const genStep = s.step('gen', gen);");
    expect(src).toContain('message: genStep.outputs.result');
    expect(src).toContain('when: `${genStep.outputs.result} != ""`');
    expect(src).toContain("command: ['echo', `said: ${inputs.parameters.message}`]");
    expect(src).toContain('entrypoint: main');
    expect(src).not.toMatch(/as any|as unknown/);
    const spec = (await synthesizedSpec(join(dir, 'out', 'hello.ts'))) as { templates: { name: string }[] };
    expect(spec).toEqual(hello.spec);
    expect(io.errs.at(-1)).toBe('imported 2 object(s) from 1 file(s)');
  });

  it('GIVEN depends expressions WHEN imported THEN they are and/or/not over task handles and render back to the same text', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'dag.yaml'), yaml(diamond));
    expect(await main(['import', join(dir, 'dag.yaml'), '--out', dir], captureIO())).toBe(0);
    const src = readFileSync(join(dir, 'diamond.ts'), 'utf8');
    expect(src).toContain('depends: and(b, or(c.succeeded, not(a)))');
    expect(src).toContain('depends: a.failed');
    expect(src).toMatch(/^import \{ and, dag, not, or, template, workflowTemplate \}/);
    const spec = (await synthesizedSpec(join(dir, 'diamond.ts'))) as { templates: unknown[] };
    expect(spec.templates).toEqual(diamond.spec.templates);
  });

  it('GIVEN bad objects among good ones WHEN imported THEN each bad one gets a finding, the good ones are written, exit 1', async () => {
    const dir = scratch();
    const notArgo = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } };
    const unknownField = wf('typo', { entrypoint: 'main', templates: [{ name: 'main', contaner: { image: 'x' } }] });
    const noKind = wf('nokind', { entrypoint: 'main', templates: [{ name: 'main' }] });
    const duplicate = { ...hello };
    writeFileSync(join(dir, 'in.yaml'), yaml(notArgo, hello, unknownField, noKind, duplicate));
    const io = captureIO();
    expect(await main(['import', join(dir, 'in.yaml'), '--out', join(dir, 'out')], io)).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual(['hello.ts']);
    const errs = io.errs.join('\n');
    expect(errs).toMatch(/in\.yaml#0 ConfigMap\/cm \/: not an Argo workflow object \(v1 ConfigMap\)/);
    expect(errs).toMatch(/#2 Workflow\/typo- .*unknown template field "contaner"/);
    expect(errs).toMatch(/#3 Workflow\/nokind- .*a template type Argosy cannot express/);
    expect(errs).toMatch(/#4 Workflow\/hello \/metadata: a second object named "hello"/);
    expect(io.errs.at(-1)).toBe('imported 1 object(s) from 1 file(s); 4 not imported');
  });

  it('GIVEN stdin and no --out WHEN imported THEN the module is printed; no input or a missing file is a usage error', async () => {
    const printed = captureIO();
    const { runImport } = await import('./import-command.ts');
    expect(await runImport(['-'], {}, printed, ROOT, () => yaml(hello))).toBe(0);
    expect(printed.lines.join('\n')).toMatch(/^\/\/ hello\.ts \(Workflow\/hello\)\nimport /);
    const missing = captureIO();
    expect(await main(['import', 'no/such.yaml'], missing)).toBe(2);
    expect(missing.errs.join('\n')).toMatch(/no\/such\.yaml: no such file or directory/);
    expect(await main(['import'], captureIO())).toBe(2);
    expect(existsSync(join(ROOT, 'hello.ts'))).toBe(false);
  });

  it('GIVEN a Workflow whose entrypoint is a template of the WorkflowTemplate it references WHEN both are imported THEN it imports that constant; alone it is a finding', async () => {
    const library = wf(
      'library',
      { templates: [{ name: 'print', inputs: { parameters: [{ name: 'msg' }] }, container: { image: 'x:1' } }] },
      'WorkflowTemplate',
    );
    const run = wf('run', {
      entrypoint: 'print',
      arguments: { parameters: [{ name: 'msg', value: 'hi' }] },
      workflowTemplateRef: { name: 'library' },
    });
    const dir = scratch();
    writeFileSync(join(dir, 'in.yaml'), yaml(run, library));
    const io = captureIO();
    expect(await main(['import', join(dir, 'in.yaml'), '--out', join(dir, 'out')], io)).toBe(0);
    const src = readFileSync(join(dir, 'out', 'run.ts'), 'utf8');
    expect(src).toContain("import library, { print } from './library.ts';");
    expect(src).toMatch(/entrypoint: print,[\s\S]*workflowTemplateRef: library\b/);
    expect(readFileSync(join(dir, 'out', 'library.ts'), 'utf8')).toContain("export const print = template('print'");
    const spec = await synthesizedSpec(join(dir, 'out', 'run.ts'));
    expect(spec).toEqual(run.spec);

    const alone = captureIO();
    writeFileSync(join(dir, 'run.yaml'), yaml(run));
    expect(await main(['import', join(dir, 'run.yaml')], alone)).toBe(1);
    expect(alone.errs.join('\n')).toMatch(/\/spec\/entrypoint: names no template of this object \(got "print"\)/);
  });

  it('GIVEN a depends text WHEN parsed THEN precedence is !, &&, || and malformed text is rejected', () => {
    const used = new Set<string>();
    expect(dependsCode(parseDepends('A || B && !C.Skipped'), (t) => t.toLowerCase(), used)).toBe(
      'or(a, and(b, not(c.skipped)))',
    );
    expect([...used].sort()).toEqual(['and', 'not', 'or']);
    expect(() => parseDepends('A && (B')).toThrow(/unbalanced/);
    expect(() => parseDepends('A &&')).toThrow(/unexpected "end"/);
  });
});
