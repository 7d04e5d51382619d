import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { ROOT } from '../../test/shared-dir.ts';
import { runSynth } from './synth.ts';

/** A one-task project whose inline script has the given size, written as an app entry module. */
function appWithScript(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-budget-'));
  const dsl = pathToFileURL(resolve(ROOT, 'dsl/index.ts')).href;
  writeFileSync(
    join(dir, 'app.ts'),
    `
import { app, component, pipeline, project } from '${dsl}';
const big = component('big', { image: 'python:3.12', inputs: {}, outputs: {}, script: { source: 'x = 1\\n'.repeat(${Math.ceil(bytes / 6)}) }, resources: { cpu: '1', memory: '1Gi' } });
const p = pipeline('big-pipeline', {}, (p) => { p.task('run', big, {}); });
export default project('budget', { apps: [app('big', { pipelines: [p] })] });
`,
  );
  return dir;
}

describe('argosy synth applies the size budget', () => {
  it('GIVEN a pipeline over 1 MiB WHEN synthesized THEN it fails with the split hint and writes nothing', async () => {
    const dir = appWithScript(1100 * 1024);
    const io = capture();
    expect(await runSynth({ app: join(dir, 'app.ts'), out: join(dir, 'dist') }, io)).toBe(1);
    expect(io.errs.join('\n')).toContain('over the 1 MiB limit');
    expect(io.errs.join('\n')).toContain('nested WorkflowTemplates');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('GIVEN a pipeline over 512 KiB WHEN synthesized THEN it warns and still writes', async () => {
    const dir = appWithScript(600 * 1024);
    const io = capture();
    expect(await runSynth({ app: join(dir, 'app.ts'), out: join(dir, 'dist') }, io)).toBe(0);
    expect(io.errs.join('\n')).toContain('over the 512 KiB warning threshold');
    expect(existsSync(join(dir, 'dist/default/big/workflowtemplate.big-pipeline.yaml'))).toBe(true);
  });
});
