import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { python } from './python.ts';
import { ROOT } from './shared-dir.ts';

it('GIVEN the Python script components WHEN their unit tests run THEN all pass', () => {
  const dir = resolve(ROOT, 'components', 'scripts');
  const r = spawnSync(python(), ['-m', 'unittest', 'discover', '-s', dir, '-p', 'test_*.py', '-v'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  expect(r.stderr).toMatch(/Ran [1-9]\d* tests?/);
});
