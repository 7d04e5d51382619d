import { describe, expect, it } from 'vitest';
import { UsageError } from './load-app.ts';
import { reportError, syntaxErrors, type CommandIO } from './report.ts';

const capture = (): CommandIO & { stderr: string[] } => {
  const stderr: string[] = [];
  return { stderr, out: () => {}, err: (l) => stderr.push(l), color: false };
};

describe('reportError on syntax errors', () => {
  it('GIVEN the "Transform failed" error of tsx with two errors THEN each is printed as file:line:col (1-based) without the debug hint', () => {
    const e = Object.assign(
      new Error(
        'Transform failed with 2 errors:\n/repo/pipelines/a.ts:3:4: ERROR: Unexpected "}"\n/repo/components/b.ts:10:0: ERROR: Expected ";" but found "x"',
      ),
      { name: 'TransformError' },
    );
    const io = capture();
    expect(syntaxErrors(e, '/repo')).toEqual([
      { where: 'pipelines/a.ts:3:5', text: 'Unexpected "}"' },
      { where: 'components/b.ts:10:1', text: 'Expected ";" but found "x"' },
    ]);
    expect(reportError(e, io)).toBe(1);
    expect(io.stderr).toHaveLength(2);
    expect(io.stderr[0]).toMatch(/^✗ .*pipelines\/a\.ts:3:5: Unexpected "}"\. Fix the syntax there/);
  });

  it('GIVEN the errors[] of esbuild THEN their locations are used; any other error is not a syntax error', () => {
    const e = Object.assign(new Error('Build failed'), {
      errors: [{ text: 'Unterminated string literal', location: { file: '/elsewhere/x.ts', line: 2, column: 7 } }],
    });
    expect(syntaxErrors(e, '/repo')).toEqual([{ where: '/elsewhere/x.ts:2:8', text: 'Unterminated string literal' }]);
    expect(syntaxErrors(new Error('boom'))).toBeUndefined();
    expect(syntaxErrors({ toString: {} })).toBeUndefined();
  });
});

describe('reportError on usage errors', () => {
  it('GIVEN a usage error whose fix lacks the final period THEN it is printed in the house format, ending with one, and exits 2', () => {
    const io = capture();
    expect(reportError(new UsageError('--env qa: no such environment (got dev, prod). Pass one of them'), io)).toBe(2);
    expect(io.stderr).toEqual(['✗ --env qa: no such environment (got dev, prod). Pass one of them.']);
  });

  it('GIVEN a usage error already ending as a sentence THEN no second period is added', () => {
    expect(new UsageError('a: b (got c). Do d.').message).toBe('a: b (got c). Do d.');
    expect(new UsageError('a: b (got c). Run `argosy synth`').message).toBe('a: b (got c). Run `argosy synth`.');
  });
});
