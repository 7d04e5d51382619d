import { describe, it } from 'vitest';
import referenceProject from '../pipelines/index.ts';
import { synthesize } from '../synth/engine.ts';
import { expectGolden } from './golden.ts';

/**
 * Golden YAML of every reference pipeline and schedule, as synthesized for production. Regenerate
 * with ARGOSY_UPDATE_GOLDEN=1 npm test and review the diff like any code change.
 */
describe('reference project golden YAML', () => {
  const files = synthesize(referenceProject).files.filter((f) => f.path.startsWith('production/'));
  it.each(files.map((f) => [f.path.replace(/^production\//, ''), f.content] as const))('%s', (path, content) => {
    expectGolden(`reference/${path}`, content);
  });
});
