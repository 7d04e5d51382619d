import { describe, expect, it } from 'vitest';
import { caseDir, type MisuseCase } from './case.ts';
import { CLI_CASES } from './cli-cases.ts';
import { DSL_CASES } from './dsl-cases.ts';
import { DSL_INPUT_CASES } from './dsl-input-cases.ts';

/**
 * The misuse catalogue: each case is something a user (or a hostile input) did, and exactly what
 * Argosy answers, message and exit code. A changed message is a changed user experience: update
 * the case on purpose, never to make the test pass.
 */
const CASES: readonly MisuseCase[] = [...DSL_CASES, ...DSL_INPUT_CASES, ...CLI_CASES];

describe('misuse catalogue', () => {
  it('GIVEN the catalogue THEN it holds at least 100 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    'GIVEN %s THEN the answer and exit code are exactly the catalogued ones',
    async (_name, c) => {
      const r = await c.run(caseDir());
      expect(r.lines).toEqual(c.lines);
      expect(r.code).toBe(c.code);
      // No stack traces for user mistakes.
      expect(r.lines.join('\n')).not.toMatch(/ARGOSY_DEBUG|\n\s+at /);
    },
  );
});
