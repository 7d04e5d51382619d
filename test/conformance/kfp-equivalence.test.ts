import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKfpPipeline, kfpLintFindings } from '../../charts/kfp/index.ts';
import type { AnyPipeline } from '../../dsl/index.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { normalizeKfp } from './kfp/normalize.ts';
import { KfpStrictChecker } from './kfp/strict-check.ts';

interface EquivalenceCase {
  /** Path under ../shared/corpus/kfp-ir of the SDK-compiled IR this program reproduces. */
  readonly upstream: string;
  readonly pipeline: AnyPipeline;
}

const dir = resolve(ROOT, 'test', 'kfp-equivalence');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).sort();
const cases = await Promise.all(files.map(async (f) => ({ name: basename(f, '.ts'), ...((await import(resolve(dir, f))) as { default: EquivalenceCase }).default })));
const corpus = resolve(sharedDir(), 'corpus', 'kfp-ir');
const checker = new KfpStrictChecker(resolve(sharedDir(), 'schemas', 'kfp'));

describe('Argosy programs compile to the same KFP IR as the KFP SDK (after normalization)', () => {
  it('covers at least 15 upstream pipelines', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const upstream = KfpStrictChecker.readDocuments(readFileSync(resolve(corpus, c.upstream), 'utf8'));
    const ours = compileKfpPipeline(c.pipeline.ir, { toolVersion: '0.0.0-test' });
    const documents = ours.platformSpec ? [ours.pipelineSpec, ours.platformSpec] : [ours.pipelineSpec];
    expect(checker.check(documents)).toEqual([]);
    expect(kfpLintFindings(ours)).toEqual([]);
    expect(normalizeKfp(documents)).toEqual(normalizeKfp(upstream));
  });
});
