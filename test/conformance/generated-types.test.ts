import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedModules, IMPORTS_DIR } from '../../synth/codegen/gen-types.ts';
import { sharedDir } from '../shared-dir.ts';

/**
 * charts/imports/ is generated from ../shared/crds by `npm run gen:types`; a CRD update or a
 * generator change must be followed by regenerating, or charts would be typed against old schemas.
 */
describe('generated CRD types (charts/imports/)', () => {
  it('GIVEN ../shared/crds WHEN the types are generated again THEN charts/imports/ holds exactly that output', async () => {
    sharedDir();
    const expected = await generatedModules();
    const committed = readdirSync(IMPORTS_DIR).filter((f) => f.endsWith('.ts'));
    expect(committed.sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) {
      expect(
        readFileSync(resolve(IMPORTS_DIR, file), 'utf8'),
        `charts/imports/${file} is stale: run npm run gen:types`,
      ).toBe(text);
    }
  });
});
