import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './shared-dir.ts';

/** Set ARGOSY_UPDATE_GOLDEN=1 to rewrite golden files, then review the diff before committing. */
export const UPDATING = process.env.ARGOSY_UPDATE_GOLDEN === '1';

/**
 * Compares text with a committed golden file under test/golden/. A missing golden file is a
 * failure (never silently created) unless ARGOSY_UPDATE_GOLDEN=1.
 */
export function expectGolden(relPath: string, actual: string): void {
  const file = resolve(ROOT, 'test', 'golden', relPath);
  if (UPDATING) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `test/golden/${relPath}: golden file missing. Run ARGOSY_UPDATE_GOLDEN=1 npm test and review the new file.`,
    );
  }
  expect(
    actual,
    `test/golden/${relPath} differs; if intended, run ARGOSY_UPDATE_GOLDEN=1 npm test and review the diff`,
  ).toBe(readFileSync(file, 'utf8'));
}
