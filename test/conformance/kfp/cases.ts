import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { AnyPipeline } from '../../../dsl/index.ts';
import { ROOT } from '../../shared-dir.ts';

/** One program of test/kfp-equivalence/: the SDK-compiled IR it reproduces and the Argosy pipeline. */
export interface EquivalenceCase {
  readonly name: string;
  /** Path under ../shared/corpus/kfp-ir of the SDK-compiled IR this program reproduces. */
  readonly upstream: string;
  readonly pipeline: AnyPipeline;
}

/** Every equivalence program, sorted by file name (files starting with `_` are helpers). */
export async function loadEquivalenceCases(): Promise<EquivalenceCase[]> {
  const dir = resolve(ROOT, 'test', 'kfp-equivalence');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .sort();
  return Promise.all(
    files.map(async (f) => ({
      name: basename(f, '.ts'),
      ...((await import(resolve(dir, f))) as { default: Omit<EquivalenceCase, 'name'> }).default,
    })),
  );
}
