import { describe, expect, it } from 'vitest';
import { DslError, isDslErrors } from '../errors.ts';
import { collectErrors, collectErrorsSync, collecting, isBroken, recover, report } from './collect.ts';

const mistake = (what: string) => new DslError({ path: [what], problem: 'is wrong', got: what, fix: 'Fix it' });

async function errorsOf(build: () => unknown): Promise<string[]> {
  try {
    await collectErrors(build);
  } catch (e) {
    if (isDslErrors(e)) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
}

describe('collectErrors()', () => {
  it('GIVEN no collection WHEN a mistake is reported or a step fails THEN it is thrown at once', () => {
    expect(collecting()).toBe(false);
    expect(() => report(mistake('a'))).toThrow(/a: is wrong/);
    expect(() =>
      recover(
        () => {
          throw mistake('b');
        },
        () => 'stand-in',
      ),
    ).toThrow(/b: is wrong/);
  });

  it('GIVEN several independent mistakes WHEN collected THEN all are thrown together, in the order they were made', async () => {
    const errors = await errorsOf(() => {
      expect(collecting()).toBe(true);
      report(mistake('a'));
      const standIn = recover(
        () => {
          throw mistake('b');
        },
        () => 'stand-in',
      );
      expect(standIn).toBe('stand-in');
      report(mistake('c'));
    });
    expect(errors).toEqual([
      'a: is wrong (got "a"). Fix it.',
      'b: is wrong (got "b"). Fix it.',
      'c: is wrong (got "c"). Fix it.',
    ]);
    expect(collecting()).toBe(false);
  });

  it('GIVEN a build without mistakes THEN its result is returned', async () => {
    expect(await collectErrors(async () => 42)).toBe(42);
    expect(collectErrorsSync(() => 'ok')).toBe('ok');
  });

  it('GIVEN another error before any mistake THEN it propagates; after one THEN it is taken for a consequence and dropped', async () => {
    await expect(
      collectErrors(() => {
        throw new TypeError('a bug');
      }),
    ).rejects.toThrow(TypeError);
    expect(
      await errorsOf(() => {
        report(mistake('a'));
        throw new TypeError("Cannot read properties of undefined (reading 'path')");
      }),
    ).toEqual(['a: is wrong (got "a"). Fix it.']);
  });

  it('GIVEN a DslError thrown out of the build THEN it is collected with the recorded ones', async () => {
    expect(
      await errorsOf(() => {
        report(mistake('a'));
        throw mistake('b');
      }),
    ).toHaveLength(2);
  });

  it('GIVEN a stand-in THEN it is known to be broken; plain values are not', () => {
    expect(isBroken({})).toBe(false);
    expect(isBroken(null)).toBe(false);
    expect(isBroken('x')).toBe(false);
  });
});
