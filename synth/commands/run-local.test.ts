import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO } from '../../test/capture-io.ts';
import { main } from '../cli.ts';

const APP = 'test/fixtures/local-run/app.ts';
const fresh = (): string[] => {
  const root = mkdtempSync(join(tmpdir(), 'argosy-run-cli-'));
  return ['--workdir', join(root, 'run'), '--cache-dir', join(root, 'cache')];
};

describe('argosy run --local', () => {
  it('GIVEN a script pipeline and typed -p params WHEN it runs THEN exit 0, plain progress lines, the outputs and run.json', async () => {
    const io = captureIO();
    const dirs = fresh();
    const code = await main(
      ['run', '--local', 'greet', '--app', APP, '-p', 'name=argosy', '-p', 'times=3', ...dirs],
      io,
    );
    expect(code, io.errs.join('\n')).toBe(0);
    const out = io.lines.join('\n');
    expect(out).toMatch(/^▶ hello$/m);
    expect(out).toMatch(/^✓ shout/m);
    expect(out).toMatch(/✓ greet succeeded in [\d.]+s \(2 steps: 2 succeeded\)/);
    expect(out).toContain('  greeting = hello argosy, hello argosy, hello argosy');
    const record = JSON.parse(readFileSync(join(dirs[1] as string, 'run.json'), 'utf8')) as {
      status: string;
      params: unknown;
    };
    expect(record).toMatchObject({ status: 'Succeeded', params: { name: 'argosy', times: 3 } });
  });

  it('GIVEN a step that keeps failing THEN exit 1 and the summary shows its stderr', async () => {
    const io = captureIO();
    expect(await main(['run', '--local', 'flaky', '--app', APP, ...fresh()], io)).toBe(1);
    const out = io.lines.join('\n');
    expect(out).toMatch(/⟲ fetch: attempt 1 exited with code 2; retrying/);
    expect(out).toMatch(/✗ fetch: exited with code 2 \(2 attempts\)\n {4}the warehouse is down/);
  });

  it.each([
    [['run', '--local', 'nope', '--app', APP], /no pipeline by that name \(got flaky, greet\)/],
    [['run', '--local', 'greet', '--app', APP, '-p', 'times=2'], /required parameter "name" is missing/],
    [
      ['run', '--local', 'greet', '--app', APP, '-p', 'name=a', '-p', 'times=many'],
      /-p times: parameter "times" takes int \(got "many"\)/,
    ],
    [['run', '--local', 'greet', '--app', APP, '-p', 'nme=a'], /no parameter "nme" .*Did you mean "name"\?/],
    [['run', 'greet', '--app', APP, '-p', 'name=a'], /only local runs are supported/],
    [
      ['run', '--local', 'greet', '--app', APP, '-p', 'name=a', '--parallelism', '0'],
      /--parallelism: not a whole number/,
    ],
  ])('GIVEN %j THEN exit 2 with the mistake and its fix', async (argv, message) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.errs.join('\n')).toMatch(message);
  });

  it('GIVEN a DSRPMart pipeline with container steps and --no-containers THEN exit 1 before starting, listing the steps', async () => {
    const io = captureIO();
    const code = await main(
      [
        'run',
        '--local',
        'popular-products',
        '--no-containers',
        '-p',
        'snapshotDate=2026-01-31',
        '-p',
        'outputPrefix=x',
        ...fresh(),
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.errs.join('\n')).toMatch(
      /no container runtime answers[^]*extract-best-sellers \(component warehouse-extract[^]*extract-pinned/,
    );
    expect(io.lines).toEqual([]);
  });
});
