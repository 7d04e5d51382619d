import { describe, expect, it } from 'vitest';
import { checkLayers, impureGlobals, readSources } from './architecture.ts';
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
