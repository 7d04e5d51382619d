import { describe, expect, it } from 'vitest';
import { checkLayers, impureGlobals, readSources, runtimeImportCycles } from './architecture.ts';
import { ROOT } from './shared-dir.ts';

describe('layer rules (docs/architecture.md)', () => {
  it('GIVEN the project sources THEN no layer imports what it must not', () => {
    const files = readSources(ROOT, ['dsl', 'components', 'pipelines', 'charts', 'synth']);
    expect(files.length).toBeGreaterThan(30);
    expect(checkLayers(files)).toEqual([]);
  });

  it('GIVEN a violation in each layer THEN the check reports every one of them', () => {
    const problems = checkLayers([
      {
        path: 'dsl/a.ts',
        text: "import { App } from 'cdk8s';\nimport { dump } from 'js-yaml';\nimport { readFileSync } from 'node:fs';\nimport x from 'path';\nconst e = process.env.X;",
      },
      { path: 'dsl/b.ts', text: "import { synthesize } from '../synth/engine.ts';" },
      {
        path: 'charts/x/c.ts',
        text: "import { pipeline } from '../../dsl/pipeline/pipeline.ts';\nimport type { PipelineIR } from '../../dsl/ir/index.ts';\nimport { DslError } from '../../dsl/errors.ts';",
      },
      { path: 'pipelines/d.ts', text: "export { targets } from '../charts/index.ts';" },
      { path: 'dsl/ok.test.ts', text: "import { readFileSync } from 'node:fs';" },
    ]);
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).toMatch(/dsl\/a\.ts: dsl\/ must stay pure \(got import of cdk8s\)/);
    expect(problems.join('\n')).toMatch(/dsl\/a\.ts:5: dsl\/ must stay pure \(got a reference to process\)/);
    expect(problems.join('\n')).toMatch(/charts\/x\/c\.ts: charts\/ may only import dsl\/ir/);
    expect(problems.join('\n')).toMatch(/pipelines\/d\.ts: pipelines\/ is user code/);
  });

  it.each([
    ['const { env } = process;', 'a reference to process'],
    ['const e = globalThis.process.env.HOME;', 'a reference to globalThis'],
    ["const e = globalThis['process'];", 'a reference to globalThis'],
    ['const p = global.process;', 'a reference to global'],
    ["const fs = require('node:fs');", 'a reference to require'],
    ["const x = eval('process');", 'a reference to eval'],
    ["const f = new Function('return process')();", 'the Function constructor'],
    ['const name = "node:fs"; const m = await import(name);', 'import() of a computed module name'],
    ['const here = import.meta.url;', 'import.meta'],
    ['export const read = (p = process) => p.cwd();', 'a reference to process'],
    [
      'function f() { const require = (m: string) => m; return require; } export const fs = require("node:fs");',
      'a reference to require',
    ],
  ])('GIVEN dsl/ code reaching the environment through %s THEN it is reported', (text, what) => {
    expect(impureGlobals({ path: 'dsl/x.ts', text })).toEqual([
      `dsl/x.ts:1: dsl/ must stay pure (got ${what}). Pass configuration and file contents in from components/, pipelines/ or synth/.`,
    ]);
  });

  it('GIVEN the word process in comments, strings, property names and types THEN nothing is reported', () => {
    const text = [
      '// the process of building a pipeline',
      "const s = 'process.env is read by synth/';",
      'interface Gate { readonly require: "better"; process?: number }',
      'const o = { process: 1, global: 2 }; o.process = 3;',
      "const scope: 'global' | number = 'global';",
      "export async function load() { return import('./ir/index.ts'); }",
      "export function rule(opts: { require?: string }) { const require = opts.require ?? 'better'; return require; }",
    ].join('\n');
    expect(impureGlobals({ path: 'dsl/y.ts', text })).toEqual([]);
  });
});

describe('chart folders (docs/architecture.md)', () => {
  const index = {
    path: 'charts/index.ts',
    text: "import { a } from './alpha/index.ts';\nimport { b } from './beta/index.ts';\nexport const targets = [a, b];",
  };

  it('GIVEN a target folder importing another target folder, or a shared folder importing a target THEN each is reported', () => {
    const problems = checkLayers([
      index,
      { path: 'charts/alpha/index.ts', text: "import { helper } from '../beta/helper.ts';" },
      { path: 'charts/k8s/pod.ts', text: "import { TARGET } from '../alpha/index.ts';" },
    ]);
    expect(problems).toEqual([
      "charts/alpha/index.ts: a chart folder must not import another target's folder (got ../beta/helper.ts). Move what both need to a shared folder such as charts/k8s/.",
      "charts/k8s/pod.ts: a chart folder must not import another target's folder (got ../alpha/index.ts). Move what both need to a shared folder such as charts/k8s/.",
    ]);
  });

  it('GIVEN targets importing shared folders, their own files and charts/ root files THEN nothing is reported', () => {
    expect(
      checkLayers([
        index,
        {
          path: 'charts/alpha/index.ts',
          text: "import { pod } from '../k8s/pod.ts';\nimport { own } from './own.ts';\nimport { addObject } from '../api-object.ts';",
        },
        { path: 'charts/beta/index.ts', text: "import { pod } from '../k8s/pod.ts';" },
        { path: 'charts/beta/index.test.ts', text: "import { a } from '../alpha/index.ts';" },
      ]),
    ).toEqual([]);
  });
});

describe('runtime import cycles', () => {
  it('GIVEN the whole repository THEN no module imports itself at run time through others', () => {
    const files = readSources(ROOT, ['dsl', 'components', 'pipelines', 'charts', 'synth', 'test', 'bench']);
    expect(files.length).toBeGreaterThan(100);
    expect(runtimeImportCycles(files)).toEqual([]);
  });

  it('GIVEN a cycle through three modules THEN it is reported once, as a path from the first module back to it', () => {
    expect(
      runtimeImportCycles([
        { path: 'synth/a.ts', text: "import { b } from './b.ts';" },
        { path: 'synth/b.ts', text: "export { c } from './sub/c.ts';" },
        { path: 'synth/sub/c.ts', text: "import { a } from '../a.ts';\nimport { d } from '../d.ts';" },
        { path: 'synth/d.ts', text: 'export const d = 1;' },
      ]),
    ).toEqual([
      'runtime import cycle: synth/a.ts -> synth/b.ts -> synth/sub/c.ts -> synth/a.ts (3 modules involved). Move what both sides need into a module neither imports, or import types with `import type`.',
    ]);
  });

  it('GIVEN imports erased at run time or loaded lazily THEN they close no cycle; inline-type-only imports still load the module', () => {
    const pair = (back: string) => [
      { path: 'charts/x.ts', text: "import { y } from './y.ts';" },
      { path: 'charts/y.ts', text: back },
    ];
    expect(runtimeImportCycles(pair("import type { X } from './x.ts';"))).toEqual([]);
    expect(runtimeImportCycles(pair("export type { X } from './x.ts';"))).toEqual([]);
    expect(runtimeImportCycles(pair("export async function load() { return import('./x.ts'); }"))).toEqual([]);
    // verbatimModuleSyntax keeps `import { type X }` as `import {} from './x.ts'`.
    expect(runtimeImportCycles(pair("import { type X } from './x.ts';"))).toHaveLength(1);
    expect(runtimeImportCycles([{ path: 'dsl/self.ts', text: "import { me } from './self.ts';" }])).toHaveLength(1);
  });
});
