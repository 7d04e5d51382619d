import { describe, expect, it } from 'vitest';
import { checkLayers, readSources } from './architecture.ts';
import { ROOT } from './shared-dir.ts';

describe('layer rules (docs/architecture.md)', () => {
  it('GIVEN the project sources THEN no layer imports what it must not', () => {
    const files = readSources(ROOT, ['dsl', 'components', 'pipelines', 'charts', 'synth']);
    expect(files.length).toBeGreaterThan(30);
    expect(checkLayers(files)).toEqual([]);
  });

  it('GIVEN a violation in each layer THEN the check reports every one of them', () => {
    const problems = checkLayers([
      { path: 'dsl/a.ts', text: "import { App } from 'cdk8s';\nimport { dump } from 'js-yaml';\nimport { readFileSync } from 'node:fs';\nimport x from 'path';\nconst e = process.env.X;" },
      { path: 'dsl/b.ts', text: "import { synthesize } from '../synth/engine.ts';" },
      { path: 'charts/x/c.ts', text: "import { pipeline } from '../../dsl/pipeline.ts';\nimport type { PipelineIR } from '../../dsl/ir/index.ts';\nimport { DslError } from '../../dsl/errors.ts';" },
      { path: 'pipelines/d.ts', text: "export { targets } from '../charts/index.ts';" },
      { path: 'dsl/ok.test.ts', text: "import { readFileSync } from 'node:fs';" },
    ]);
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).toMatch(/dsl\/a\.ts: dsl\/ must stay pure \(got import of cdk8s\)/);
    expect(problems.join('\n')).toMatch(/dsl\/a\.ts: dsl\/ must not read process\.env/);
    expect(problems.join('\n')).toMatch(/charts\/x\/c\.ts: charts\/ may only import dsl\/ir/);
    expect(problems.join('\n')).toMatch(/pipelines\/d\.ts: pipelines\/ is user code/);
  });
});
