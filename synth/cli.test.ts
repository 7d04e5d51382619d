import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { captureIO as capture } from '../test/capture-io.ts';

const fixture = (name: string) => `test/fixtures/projects/${name}.ts`;
const tmpOut = () => join(mkdtempSync(join(tmpdir(), 'argosy-cli-')), 'dist');

describe('argosy synth', () => {
  it('GIVEN a project WHEN synthesized THEN one file per object lands at <env>/<app>/<kind>.<name>.yaml and --check passes', async () => {
    const out = tmpOut();
    const io = capture();
    expect(await main(['synth', '--app', fixture('small'), '--out', out], io)).toBe(0);
    expect(readdirSync(join(out, 'dev/greetings')).sort()).toEqual([
      'cronworkflow.hello.yaml',
      'workflowtemplate.hello.yaml',
    ]);
    expect(io.lines.join('\n')).toMatch(/wrote .*: 2 files \(2 new, 0 changed, 0 removed\)/);
    expect(io.errs.join('\n')).toMatch(/synthesized dev\/greetings \(2 files\)/);
    expect(await main(['synth', '--app', fixture('small'), '--out', out, '--check'], capture())).toBe(0);
  });

  it('GIVEN a project of one object WHEN synthesized and checked THEN the summaries count "1 file"', async () => {
    const out = tmpOut();
    const io = capture();
    expect(await main(['synth', '--app', 'test/fixtures/docs/mini-training.ts', '--out', out], io)).toBe(0);
    expect(io.lines).toEqual([`✓ wrote ${out}/: 1 file (1 new, 0 changed, 0 removed)`]);
    const check = capture();
    expect(await main(['synth', '--app', 'test/fixtures/docs/mini-training.ts', '--out', out, '--check'], check)).toBe(
      0,
    );
    expect(check.lines).toEqual([`✓ ${out}/ is up to date (1 file)`]);
  });

  it('GIVEN a write a crashed run left unfinished WHEN synthesized THEN it is rolled back first and the CLI says so', async () => {
    const out = tmpOut();
    mkdirSync(join(out, '.argosy-txn-0123abcd/new'), { recursive: true });
    writeFileSync(join(out, 'half.yaml'), 'placed by the crashed run\n');
    writeFileSync(join(out, '.argosy-txn-0123abcd/new/placed.yaml'), '');
    linkSync(join(out, '.argosy-txn-0123abcd/new/placed.yaml'), join(out, 'placed.yaml'));
    writeFileSync(
      join(out, '.argosy-txn-0123abcd/journal.json'),
      JSON.stringify({ tool: 'argosy', ops: [{ op: 'create', path: 'placed.yaml' }], dirs: [], done: false }),
    );
    const io = capture();
    expect(await main(['synth', '--app', fixture('small'), '--out', out], io)).toBe(0);
    expect(io.errs).toContain('⚠ rolled back .argosy-txn-0123abcd, an interrupted write (1 file)');
    expect(existsSync(join(out, '.argosy-txn-0123abcd'))).toBe(false);
    expect(existsSync(join(out, 'placed.yaml'))).toBe(false);
    expect(readFileSync(join(out, 'half.yaml'), 'utf8')).toBe('placed by the crashed run\n');
  });

  it('GIVEN a hand-edited output WHEN checked THEN exit 1 lists the stale file and nothing is written', async () => {
    const out = tmpOut();
    await main(['synth', '--app', fixture('small'), '--out', out], capture());
    const target = join(out, 'dev/greetings/workflowtemplate.hello.yaml');
    writeFileSync(target, `${readFileSync(target, 'utf8')}# edited\n`);
    const io = capture();
    expect(await main(['synth', '--app', fixture('small'), '--out', out, '--check'], io)).toBe(1);
    expect(io.lines).toEqual([`stale    ${out}/dev/greetings/workflowtemplate.hello.yaml`]);
    expect(readFileSync(target, 'utf8')).toMatch(/# edited\n$/);
  });

  it('GIVEN broken wiring WHEN synthesized THEN exit 1 with the error at its line, no stack trace, and the old tree intact', async () => {
    const out = tmpOut();
    await main(['synth', '--app', fixture('small'), '--out', out], capture());
    const before = readdirSync(join(out, 'dev/greetings'));
    const io = capture();
    expect(await main(['synth', '--app', fixture('broken-wiring'), '--out', out], io)).toBe(1);
    expect(io.errs).toEqual([
      '✗ test/fixtures/projects/broken-wiring.ts:8: pipeline "broken" > task "retrain" > input "dataset": expected artifact Dataset (got "Model"). Pass an output declared as artifact(\'Dataset\').',
      '✗ 1 mistake in the project.',
    ]);
    expect(readdirSync(join(out, 'dev/greetings'))).toEqual(before);
  });

  it('GIVEN a project file with a syntax error WHEN the CLI synthesizes THEN it prints file:line:col and the parser message, no stack trace, and writes nothing', () => {
    const out = tmpOut();
    const r = spawnSync(
      process.execPath,
      ['synth/bin.mjs', 'synth', '--app', 'test/fixtures/syntax-error/index.ts', '--out', out],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      '✗ test/fixtures/syntax-error/index.ts:6:17: Expected "]" but found "}". Fix the syntax there (npx tsc --noEmit lists every error).',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN usage mistakes THEN exit 2 with a hint', async () => {
    const io = capture();
    expect(await main(['synth', '--app', fixture('missing')], io)).toBe(2);
    expect(io.errs[0]).toMatch(/missing\.ts: app entry not found .*Pass --app <file>/);
    const io2 = capture();
    expect(await main(['synth', '--app', fixture('no-default')], io2)).toBe(2);
    expect(io2.errs[0]).toMatch(/no default-exported project/);
    expect(await main(['synth', '--target', 'helm'], capture())).toBe(2);
    expect(await main(['frobnicate'], capture())).toBe(2);
  });
});
