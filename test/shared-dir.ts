import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The shared reference data (schemas, corpora) that lives beside the project. Conformance tests
 * need it and must fail loudly, never skip, when it is missing.
 */
export function sharedDir(): string {
  const dir = process.env.ARGOSY_SHARED ? resolve(process.env.ARGOSY_SHARED) : resolve(ROOT, '..', 'shared');
  if (!existsSync(resolve(dir, 'schemas', 'index.json'))) {
    throw new Error(
      `${dir}: shared reference data not found (expected schemas/index.json). Check out ../shared beside the project or set ARGOSY_SHARED; conformance cannot run without it.`,
    );
  }
  return dir;
}
