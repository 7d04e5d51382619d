import fc from 'fast-check';

/**
 * Property tests run from one fixed seed, so `npm test` and CI are reproducible: a failure
 * there fails on every machine. `FC_SEED=<n>` replays a run and `FC_SEED=random` explores new
 * cases; either way fast-check prints the seed and path of a failure in its message.
 */
const DEFAULT_SEED = 20260101;

/**
 * The seed for a value of FC_SEED: the fixed default when unset, a fresh random integer for
 * `random`, else the integer given. Property tests never read FC_SEED themselves: this file is
 * every vitest config's setup file and sets the seed for all of them.
 *
 * @example
 * ```ts
 * seedFromEnv('42'); // 42
 * ```
 */
export function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return (Math.random() * 2 ** 31) | 0;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random" (got ${JSON.stringify(raw)})`);
  return seed;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seedFromEnv(process.env.FC_SEED) });
