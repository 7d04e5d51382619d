import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedFromEnv } from './fast-check-seed.ts';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'dist') return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('the fast-check seed', () => {
  it('GIVEN FC_SEED unset, a number or random THEN the seed is an integer', () => {
    expect(seedFromEnv(undefined)).toBe(20260101);
    expect(seedFromEnv('42')).toBe(42);
    const random = seedFromEnv('random');
    expect(Number.isSafeInteger(random)).toBe(true);
    expect(() => seedFromEnv('abc')).toThrow('FC_SEED must be an integer or "random" (got "abc")');
  });

  it('GIVEN the setup file THEN every property test runs with its seed', () => {
    const seed = fc.readConfigureGlobal().seed;
    expect(Number.isSafeInteger(seed)).toBe(true);
    if (process.env.FC_SEED !== 'random') expect(seed).toBe(seedFromEnv(process.env.FC_SEED));
  });

  it('GIVEN the test sources THEN only the seed helper reads FC_SEED (a test reading it itself got NaN for "random")', () => {
    const readers = sources(ROOT)
      .filter((f) => !f.endsWith('fast-check-seed.ts') && !f.endsWith('fast-check-seed.test.ts'))
      .filter((f) => /process\.env\.FC_SEED|env\[['"]FC_SEED/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(readers).toEqual([]);
  });
});
